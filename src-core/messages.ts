import { formatDateFr, formatDateLongFr, formatMonthFr, type IsoDate, type YearMonth } from './dates';
import { formatEuros, type Cents } from './money';
import { formatCountFr } from './words';
import { DomainError, type DomainErrorCode } from './errors';

/**
 * A sentence for people as a code and its values (issue 19): src-core says
 * *what* (a code from `MESSAGES_FR`, dates, months, amounts, counts), whoever
 * shows it says it in its language. Documents and stored texts take the French
 * (`messageFr`); the interface renders the code through its i18n dictionaries,
 * with the same filling (`renderMessage`), so both say the same thing.
 */
export type MessageParam =
  | string
  | number
  | { date: IsoDate }
  /** A date written out, as quoted in letters: "1er février 2027". */
  | { longDate: IsoDate }
  | { month: YearMonth }
  | { cents: Cents }
  /** An amount with its sign: "+499,00 €", "−499,00 €". */
  | { signedCents: Cents }
  /** A code of a closed set, said with the word of `<code>` (e.g. 'code.terminationCause.non_payment'). */
  | { word: string }
  | { message: Message }
  /** A rule's sentence inside another, its final full stop dropped: a message, or stored French text. */
  | { rule: Message | string }
  /** Sentences joined by ", " (empty: nothing). */
  | { list: Message[] }
  /** Clauses joined by " ; " in French, "; " in English (the words `join.clauses`). */
  | { clauses: Message[] }
  /** Sentences one per line (a refusal listing documents and their problems). */
  | { lines: Message[] }
  /** Months joined by ", ": a list of months stored in one array (each imported document's history line names ~13; a message per month made 40 objects of a line). */
  | { months: YearMonth[] };

export interface Message {
  code: MessageCode;
  params?: Record<string, MessageParam>;
}

/**
 * The French text of every message src-core returns, keyed by code. Placeholders:
 * `{name}`, and `{name|one|other}` for a count (`#` stands for the number).
 * The renderer's `fr.ts` takes these same texts; `en.ts` translates each key.
 */
export const MESSAGES_FR = {
  // contract state on a day (lifecycle/contract-state.ts)
  'rule.state.draft': 'Contrat en préparation : il ne court pas encore.',
  'rule.state.active': 'Actif depuis le {since}, renouvelé chaque mois (§1).',
  'rule.state.suspended': 'Service suspendu ; le contrat court et reste facturé.',
  'rule.state.notice': 'Résiliation effective le {effective}{cause} — {why}.',
  'rule.state.terminated': 'Résilié depuis le {since}{cause} : résiliation effective le {effective} — {why}.',
  'rule.state.cause': ' ({cause})',
  'rule.withClause': '{rule} ({clause})',
  // termination causes, lower case inside a sentence
  'code.terminationCause.client_notice': 'préavis du client',
  'code.terminationCause.price_change_objection': 'opposition à la modification des prix',
  'code.terminationCause.non_payment': 'défaut de paiement',
  'code.terminationCause.uncured_breach': 'manquement non résolu',
  'code.terminationCause.force_majeure': 'force majeure',
  // MRR forecast (lifecycle/mrr-forecast.ts)
  'rule.mrr.month': "{month} : {mrr} HT, somme des prix en vigueur des {contracts|# contrat en cours|# contrats en cours} au {asOf} (un contrat résilié n'est plus compté après sa date d'effet, §1, §5.2).{since}",
  'rule.mrr.since': ' Depuis le mois précédent : {moves}.',
  'rule.mrr.noChange': ' Aucun changement depuis le mois précédent.',
  'rule.mrr.ended': '{count|# résiliation effective|# résiliations effectives} ({cents})',
  'rule.mrr.started': '{count|# contrat commencé|# contrats commencés} ({cents})',
  'rule.mrr.repriced': '{count|# nouveau prix|# nouveaux prix} ({cents})',
  'rule.mrr.repricedPresumed': '{count|# nouveau prix|# nouveaux prix} ({cents}, dont {presumed} d’après un avis dont la réception est présumée : envoi + délai de réception présumée, §5.2)',
  'rule.mrr.retiered': '{count|# changement de formule|# changements de formule} ({cents})',
  // over-consumption (pricing/over-consumption.ts)
  'rule.over.amount': 'Dépassement constaté en {month}{prorated} : formule couvrante {covering} {coveringPrice} − formule {current} {currentPrice} = {amount} HT (§5.1).',
  'rule.over.prorated': ' (premier mois, au prorata)',
  'rule.over.from': 'Passage proposé à la formule {covering} à compter du {from}, premier jour du mois suivant le dépassement constaté en {month} (§5.1).',
  // deadlines (lifecycle/*)
  'rule.termination.noticeEnd': 'Fin du mois suivant la réception du préavis.',
  'rule.nonSolicitation.end': 'Douze mois après la date d’effet de la résiliation, au même quantième ou au dernier jour du mois s’il n’existe pas (art. 641 CPC).',
  'rule.priceChange.earliest': 'Premier jour d’un mois tombant au moins 60 jours après la réception de l’avis de modification des prix.',
  'rule.priceChange.objectionEffective': 'Veille de l’entrée en vigueur des nouveaux prix : l’opposition du client résilie le contrat sans pénalité.',
  'rule.breach.opens': 'Lendemain de la date limite pour remédier : le manquement non résolu permet la résiliation avec effet immédiat.',
  'rule.forceMajeure.opens': 'Début de la force majeure + 30 jours : au-delà de 30 jours consécutifs, chaque partie peut résilier.',
  'rule.forceMajeure.effective': 'Huit jours après l’envoi de la lettre recommandée notifiant la résiliation pour force majeure.',
  // VAT data to check before a run (billing/vat.ts, model/identifiers.ts)
  'rule.vat.noNumber': "Client établi dans l'Union européenne ({country}) sans numéro de TVA intracommunautaire : TVA française à 20 % appliquée ; demander son numéro au client pour facturer en autoliquidation.",
  'rule.vat.invalidNumber': "{problem} (« {number} ») : TVA française à 20 % appliquée jusqu'à correction de la fiche client.",
  'vatNumber.invalid.length': 'Numéro de TVA invalide : 4 à 20 lettres ou chiffres attendus.',
  'vatNumber.invalid.prefix': 'Numéro de TVA invalide : un numéro de ce pays commence par {prefix}.',
  'vatNumber.invalid.format': 'Numéro de TVA invalide : format non conforme pour {prefix}.',
  'vatNumber.invalid.siren': 'Numéro de TVA invalide : le SIREN qu’il contient est invalide.',
  'vatNumber.invalid.key': 'Numéro de TVA invalide : la clé ne correspond pas au SIREN.',
  // overrun month names and its line (pricing/over-consumption.ts: the line label stays French on the invoice)
  'rule.over.regularisation': 'Régularisation dépassement {month}',
  // where an issued invoice stands (billing/settlement.ts)
  'rule.settle.credited': 'Facture entièrement annulée par avoir ({credited}){returned}.',
  'rule.settle.overpaid': 'Trop-perçu de {over} ({paid} reçus pour {owed} dus{returned}) : à rembourser ou à imputer sur la prochaine facture.',
  'rule.settle.paid': 'Réglée : {paid} reçus{byOffset} pour {owed} dus{returned}.',
  'rule.settle.overdue': 'Échéance du {due} dépassée de {days|# jour|# jours} : {balance} restent dus (§6.6).',
  'rule.settle.partlyPaid': '{paid} reçus{byOffset}, {balance} restent dus avant le {due}.',
  'rule.settle.issued': '{balance} à régler au plus tard le {due}.',
  'rule.settle.byOffset': ' dont {amount} par avoir imputé',
  'rule.settle.refunded': '{amount} remboursés',
  'rule.settle.offsetOut': '{amount} reportés sur la prochaine facture du client',
  'rule.settle.thenSemicolon': ' ; {returned}',
  'rule.settle.thenComma': ', {returned}',
  // a subscription month's price (billing/monthly-lines.ts)
  'rule.line.monthly': 'Mensualité de la formule {tier} : {price} HT pour {month} (§5.1).',
  // a letter's deadlines, their labels and rules (letters/*, lifecycle/*): the screen says them in its language, letters keep the French
  'deadline.receipt': 'Réception de l’avis',
  'deadline.presumedReceipt': 'Réception présumée de l’avis',
  'deadline.cureBy': 'Date limite de régularisation',
  'deadline.cureEnd': 'Fin du délai de régularisation',
  'deadline.effective': 'Résiliation effective',
  'deadline.nonSolicitationEnd': 'Fin de la non-sollicitation',
  'deadline.terminationOpens': 'Résiliation possible à partir du',
  'deadline.objectionBy': 'Date limite d’opposition',
  'deadline.newPrices': 'Application des nouveaux tarifs',
  'deadline.objectionTermination': 'Résiliation en cas d’opposition',
  'deadline.newTier': 'Nouvelle formule',
  'deadline.nonPaymentOpens': 'Résiliation pour impayé possible',
  'deadline.invoiceDue': 'Échéance de la facture',
  'deadline.paymentBy': 'Date limite de paiement',
  'deadline.contract.presumedPriceNotice': 'Réception présumée de l’avis de modification des prix',
  'deadline.contract.presumedBreachNotice': 'Réception présumée de la notification du manquement',
  'deadline.contract.objectionBy': 'Date limite d’opposition aux nouveaux prix',
  'deadline.contract.newPrices': 'Entrée en vigueur des nouveaux prix',
  'deadline.contract.newPricesEarliest': 'Entrée en vigueur des nouveaux prix au plus tôt',
  'deadline.contract.cureBy': 'Date limite pour remédier au manquement',
  'deadline.contract.breachOpens': 'Résiliation pour manquement non résolu possible dès',
  'deadline.contract.nonSolicitationEnd': 'Fin de l’engagement de non-sollicitation',
  'deadline.contract.forceMajeureOpens': 'Résiliation pour force majeure possible dès',
  'deadline.contract.reminder': 'Relance de la facture {reference}',
  'deadline.contract.formalNotice': 'Mise en demeure de payer la facture {reference}',
  'deadline.contract.nonPaymentOpens': 'Résiliation pour défaut de paiement (facture {reference}) possible dès',
  'rule.actionDeadline.basis': 'le jour de départ non compté (art. 641 CPC), reporté au premier jour ouvré suivant s’il tombe un samedi, un dimanche ou un jour férié (art. 642 CPC)',
  'rule.receipt.acknowledged': 'Date portée sur l’avis de réception.',
  'rule.receipt.presumed': 'Envoi + {days|# jour|# jours}, tant que la date de l’avis de réception n’est pas connue.',
  'rule.breach.cure': 'Réception de la notification du manquement + 30 jours, {basis}.',
  'rule.priceChange.objectionBy': 'Réception de l’avis de modification des prix + 30 jours, {basis}.',
  'rule.letter.immediate': 'Résiliation avec effet immédiat, à la date de la lettre ({date}).',
  'rule.letter.chosenPrices': 'Date choisie, postérieure à la plus proche possible ({date}).',
  'rule.letter.newTier': 'Formule {tier} à compter du premier jour du mois suivant le dépassement constaté en {month}.',
  'rule.letter.nonPaymentOpens': 'Échéance du {due} + {days|# jour|# jours} : le contrat peut être résilié avec effet à la date de la lettre.',
  'rule.letter.invoiceDue': 'Date d’échéance indiquée sur la facture.',
  'rule.letter.paymentByReceived': 'Réception de la mise en demeure le {receipt} + {days|# jour|# jours}, reporté au jour ouvré suivant s’il y a lieu.',
  'rule.letter.paymentByPresumed': 'Réception présumée le {receipt} (date de la lettre + {presumed}) + {days|# jour|# jours}, reporté au jour ouvré suivant s’il y a lieu.',
  'rule.count.days': '{days|# jour|# jours}',
  'rule.dunning.step': 'Échéance du {due} + {days|# jour|# jours}.',
  'rule.dunning.terminationPossible': 'Échéance du {due} + {days|# jour|# jours} : le contrat peut être résilié pour défaut de paiement, avec effet à la date de la lettre.',
  // English mode, s10 (issue 19): the lifecycle's rules and refusals, the price list problems, letter follow-ups, the data layer's refusals
  'rule.termination.nonPayment': 'Résiliation pour défaut de paiement, avec effet immédiat à la date de la lettre.',
  'rule.termination.breach': 'Résiliation pour manquement non résolu dans les 30 jours, avec effet immédiat à la date de la lettre.',
  'rule.end.stored': 'Date de résiliation enregistrée sur le contrat.',
  'rule.price.version': 'Nouveau prix de la formule {tier} : {price} HT à compter du {from}, avis de modification reçu le {receivedOn}, sans opposition au plus tard le {objectionBy} (§5.2).',
  'rule.price.list': 'Prix de la formule {tier} à la grille {list} : {price} HT par mois (§5.1).',
  'rule.priceChange.chosen': 'Date indiquée dans l’avis de modification, au plus tôt le {earliest}.',
  'rule.liabilityCap': '50 % des sommes réglées par le client du {from} au {to}, soit les 12 mois précédant l’événement.',
  'code.lifecycleEvent.activate': 'Activation',
  'code.lifecycleEvent.termination_notice_received': 'Réception du préavis de résiliation',
  'code.lifecycleEvent.price_change_objection_received': 'Opposition à la modification des prix',
  'code.lifecycleEvent.terminate_for_non_payment': 'Résiliation pour défaut de paiement',
  'code.lifecycleEvent.terminate_after_breach': 'Résiliation pour manquement non résolu',
  'code.lifecycleEvent.force_majeure_termination_sent': 'Résiliation pour force majeure',
  'code.lifecycleEvent.suspend': 'Suspension',
  'code.lifecycleEvent.resume': 'Reprise',
  'code.lifecycleEvent.effective_date_reached': 'Date d’effet de la résiliation atteinte',
  'code.contractStatus.draft': 'Brouillon',
  'code.contractStatus.active': 'Actif',
  'code.contractStatus.notice_received': 'Préavis en cours',
  'code.contractStatus.terminated': 'Résilié',
  'code.contractStatus.suspended': 'Suspendu',
  'refusal.transition.notAllowed': 'Transition impossible : « {event} » n’est pas permis pour un contrat au statut « {status} ».',
  'refusal.transition.notBefore': 'Transition impossible : {what} n’est possible qu’à partir du {earliest} ({date} indiqué).',
  'refusal.transition.what.event': '« {event} »',
  'refusal.transition.what.eventClause': '{event} ({clause})',
  'refusal.transition.what.objection': 'L’opposition',
  'refusal.transition.what.closing': 'La clôture du contrat',
  'refusal.transition.notEarlier': 'Transition impossible : une résiliation ({cause}) prend déjà effet le {pending} ; celle-ci ({effective}) ne l’avancerait pas.',
  'refusal.transition.lateObjection': 'Transition impossible : l’opposition reçue le {date} est tardive ; la date limite était le {deadline} (§5.2).',
  'refusal.transition.noTermination': 'Transition impossible : aucune résiliation n’est en cours pour ce contrat.',
  'code.terminationCauseLabel.client_notice': 'Préavis du client',
  'code.terminationCauseLabel.price_change_objection': 'Opposition à la modification des prix',
  'code.terminationCauseLabel.non_payment': 'Défaut de paiement',
  'code.terminationCauseLabel.uncured_breach': 'Manquement non résolu',
  'code.terminationCauseLabel.force_majeure': 'Force majeure',
  'refusal.priceList.none': "Aucune grille tarifaire n'est enregistrée : synchronisez pour recevoir les grilles avant de créer un contrat.",
  'refusal.priceList.unknown': 'Grille tarifaire inconnue : « {id} ».',
  'refusal.priceList.beforeFirst': 'Un contrat ne peut pas commencer avant la première grille tarifaire ({first}).',
  'refusal.priceList.missing': "Grille tarifaire inconnue : « {id} » (elle n'est pas encore reçue sur ce poste : synchronisez, ou choisissez une grille existante).",
  'followUp.resend.action': 'Rédiger un nouvel envoi de ce courrier',
  'followUp.resend.reason': 'Le pli est revenu sans avoir été distribué : la lettre n’a pas produit d’effet.',
  'followUp.breachTermination.action': 'Rédiger la résiliation pour manquement non corrigé',
  'followUp.breachTermination.reason': 'Délai de régularisation expiré le {cureBy} (§6.6) : si le manquement n’a pas été corrigé, le contrat peut être résilié avec effet immédiat.',
  'followUp.formalNotice.action': 'Rédiger la mise en demeure de payer',
  'followUp.formalNotice.reason': 'Facture {invoice} échue le {due} : mise en demeure prévue dès le {since} si elle reste impayée (§6.6).',
  'followUp.nonPaymentTermination.action': 'Rédiger la résiliation pour défaut de paiement',
  'followUp.nonPaymentTermination.reason': 'Facture {invoice} échue le {due} : résiliation possible dès le {since} si elle reste impayée (§6.6).',
  'refusal.payment.notPositive': 'Le montant du paiement doit être positif.',
  'refusal.payment.settled': 'Ce document est déjà soldé : aucun paiement n’est attendu.',
  'refusal.payment.overBalance': 'Le paiement ({amount}) dépasse le solde dû ({balance}).',
  'refusal.payment.future': '{what} ne peut pas être daté dans le futur (le {date}, nous sommes le {today}).',
  'refusal.payment.beforeDocument': '{what} (le {date}) ne peut pas précéder la date du document qu’il règle (le {issued}).',
  'refusal.payment.what.payment': 'Le paiement',
  'refusal.payment.what.refund': 'Le remboursement',
  'refusal.payment.noInvoice': 'Facture introuvable pour ce client : {id}.',
  'refusal.payment.creditNote': 'Un avoir ne reçoit pas de paiement.',
  'refusal.payment.draft': 'Un brouillon ne se paie pas : émettez-le d’abord.',
  'refusal.notFound.client': 'Client introuvable : {id}.',
  'refusal.notFound.contract': 'Contrat introuvable : {id}.',
  'refusal.notFound.letter': 'Lettre introuvable : {id}.',
  'refusal.notFound.payment': 'Paiement introuvable : {id}.',
  'refusal.notFound.invoice': 'Facture introuvable : {id}.',
  'refusal.notFound.priceList': 'Grille tarifaire introuvable : {id}.',
  'refusal.notFound.draftClient': 'Client introuvable pour le brouillon {id}.',
  'refusal.notFound.tierChangeNotice': 'Avis de changement de formule introuvable.',
  'refusal.surcharge.notIssued': 'Une majoration de retard se fait sur une facture émise.',
  'refusal.surcharge.notLate': "La facture {number} n'est pas en retard de paiement.",
  'refusal.surcharge.already': 'La majoration de la facture {number} a déjà été émise ({surcharge}).',
  'refusal.offset.onIssued': 'Cette imputation figure sur la facture émise {number} : elle ne s’annule pas, un avoir sur cette facture la corrige.',
  'refusal.creditUse.notFromNote': 'Un remboursement ou une imputation part d’un avoir émis sur une facture.',
  'refusal.letter.otherClient': 'Ce contrat n’appartient pas au client choisi.',
  'refusal.letter.noCorrection': 'Aucun courrier rectificatif à rédiger : la réception enregistrée ne déplace aucune date imprimée, ou la rectification est déjà rédigée.',
  'refusal.letter.futureObjection': 'L’opposition ne peut pas être reçue dans le futur ({date}).',
  'refusal.batch.nothing': 'Aucun contrat en cours de cette grille n’est concerné par un changement de prix.',
  'refusal.tierChange.printed': 'Le changement de formule ne peut plus être annulé : son avis a déjà été imprimé ou envoyé.',
  'refusal.tierChange.gone': 'Ce changement de formule n’est plus enregistré sur le contrat.',
  'refusal.tierChange.month': 'Mois invalide : « {month} » (format attendu AAAA-MM).',
  'refusal.tierChange.same': 'Le contrat {reference} est déjà en formule {tier} en {month}.',
  'refusal.tierChange.notRunning': "Changement de formule impossible : le contrat {reference} n'est pas en cours ({state})",
  'refusal.tierChange.beforeStart': 'Le changement de formule ne peut pas précéder le début du contrat ({start}).',
  'refusal.tierChange.afterEnd': 'Le changement de formule du {from} suivrait la fin du contrat ({end}).',
  'refusal.tierChange.later': 'Un changement de formule postérieur est déjà enregistré.',
  'refusal.client.archiveOne': 'Archivage impossible : le contrat {reference} est encore en cours. Enregistrez d’abord sa résiliation.',
  'refusal.client.archiveMany': 'Archivage impossible : les contrats {references} sont encore en cours. Enregistrez d’abord leur résiliation.',
  'refusal.client.removeInvoice': 'Suppression impossible : la facture émise {number} doit être conservée. Archivez plutôt ce client.',
  'refusal.client.removeDocuments': 'Suppression impossible : {count|# document émis|# documents émis} ({shown}) doivent être conservés. Archivez plutôt ce client.',
  'refusal.client.removeLetter': 'Suppression impossible : un courrier a été envoyé à ce client. Archivez plutôt ce client.',
  'refusal.client.removeLetters': 'Suppression impossible : {count|# courrier a été envoyé|# courriers ont été envoyés} à ce client. Archivez plutôt ce client.',
  'receipt.move': '{label} : {printed} → {corrected}',
  'audit.client.create': 'Création du client « {name} ».',
  'audit.client.update': 'Modification du client « {name} ».',
  'audit.client.archive': 'Client « {name} » archivé.',
  'audit.client.restore': 'Client « {name} » désarchivé.',
  'audit.contract.create': 'Création du contrat {reference} ({tier}).',
  'audit.contract.update': 'Modification du contrat {reference}.',
  'audit.usage.import': 'Consommation importée pour le contrat {reference} : {months}.',
  // A month of the history lines stored before imports named their months in one `{ months }` value (still shown).
  'audit.month': '{month}',
  'refusal.contract.startAfterTierChange': 'La date de début ne peut pas suivre un changement de formule déjà enregistré ({month}).',
  // s11 english (issue 19): the schemas' validation messages (model/*, settings.ts): forms say them in the interface's language
  'validation.phone.required': 'Le téléphone est obligatoire.',
  'validation.phone.invalid': 'Téléphone invalide (exemple : 03 83 12 34 56 ou +49 30 1234567).',
  'validation.address.emptyLine': 'Une ligne d\'adresse ne peut pas être vide.',
  'validation.address.required': 'L\'adresse est obligatoire.',
  'validation.address.tooManyLines': 'L\'adresse compte 4 lignes au plus.',
  'validation.postalCode.required': 'Le code postal est obligatoire.',
  'validation.city.required': 'La ville est obligatoire.',
  'validation.contact.nameRequired': 'Le nom du contact est obligatoire.',
  'validation.partner.nameRequired': 'Le nom du partenaire est obligatoire.',
  'validation.legalName.required': 'La raison sociale est obligatoire.',
  'validation.hostingMode.invalid': 'Mode d\'hébergement invalide (cloud ou auto-hébergé).',
  'validation.siren.requiredFr': 'Le SIREN est obligatoire pour un client français.',
  'validation.postalCode.invalidFr': 'Code postal invalide : 5 chiffres attendus en France.',
  'validation.vatNumber.notSiren': 'Numéro de TVA incohérent : il ne contient pas le SIREN du client.',
  'validation.date.required': 'Date obligatoire (format AAAA-MM-JJ).',
  'validation.date.invalid': 'Date invalide (format attendu AAAA-MM-JJ, date existante).',
  'validation.month.required': 'Mois obligatoire (format AAAA-MM).',
  'validation.month.invalid': 'Mois invalide (format attendu AAAA-MM).',
  'validation.instant.invalid': 'Horodatage invalide (ISO 8601 avec fuseau attendu).',
  'validation.amount.required': 'Montant obligatoire.',
  'validation.amount.cents': 'Montant invalide : il s’exprime au centime près (exemple : 118,80 €).',
  'validation.amount.outOfRange': 'Montant hors limites.',
  'validation.email.required': 'L\'adresse e-mail est obligatoire.',
  'validation.email.invalid': 'Adresse e-mail invalide (exemple : nom@domaine.fr).',
  'validation.country.required': 'Le pays est obligatoire.',
  'validation.country.invalid': 'Pays invalide : code ISO à 2 lettres attendu (FR, DE, CH…).',
  'validation.version.invalid': 'Version invalide.',
  'validation.notice.channel': 'Canal du préavis invalide (lettre recommandée ou e-mail).',
  'validation.event.actorRequired': 'L\'auteur de l\'événement est obligatoire.',
  'validation.contract.referenceRequired': 'La référence du contrat est obligatoire.',
  'validation.contract.status': 'Statut de contrat invalide.',
  'validation.contract.paymentTerm': 'Délai de paiement invalide.',
  'validation.contract.paymentTermLong': 'Délai de paiement trop long (120 jours au plus).',
  'validation.contract.noticeIncomplete': 'Un contrat en préavis doit indiquer la réception du préavis et la date de résiliation.',
  'validation.contract.endRequired': 'Un contrat résilié doit indiquer sa date de résiliation effective.',
  'validation.contract.endBeforeStart': 'La résiliation ne peut pas précéder le début du contrat.',
  'validation.contract.noticeBeforeStart': 'Le préavis ne peut pas précéder le début du contrat.',
  'validation.line.labelRequired': 'Le libellé de la ligne est obligatoire.',
  'validation.line.quantityRequired': 'Quantité obligatoire.',
  'validation.line.quantity': 'Quantité invalide.',
  'validation.line.vatRate': 'Taux de TVA invalide.',
  'validation.buyer.legalName': 'La raison sociale de l’acheteur est obligatoire.',
  'validation.buyer.country': 'Pays invalide : code ISO à 2 lettres attendu.',
  'validation.invoice.kind': 'Type de document invalide.',
  'validation.invoice.status': 'Statut de facture invalide.',
  'validation.invoice.numberEmpty': 'Numéro de document vide.',
  'validation.invoice.seriesEmpty': 'Série vide.',
  'validation.invoice.noLine': 'Un document compte au moins une ligne.',
  'validation.invoice.draftNumbered': 'Un brouillon n\'a pas de numéro.',
  'validation.invoice.issuedUnnumbered': 'Un document émis porte un numéro.',
  'validation.invoice.periodRequired': 'Le mois facturé est obligatoire.',
  'validation.invoice.creditTarget': 'Un avoir référence la facture qu\'il corrige.',
  'validation.invoice.surchargeTarget': 'Une majoration référence la facture impayée.',
  'validation.invoice.dueBeforeIssue': 'L\'échéance ne peut pas précéder la date du document.',
  'validation.invoice.netTotal': 'Le total HT ne correspond pas à la somme des lignes.',
  'validation.invoice.vatTotal': 'Le total de TVA ne correspond pas au détail par taux.',
  'validation.invoice.grandTotal': 'Le total TTC doit être égal au HT plus la TVA.',
  'validation.letter.paramName': 'Nom de paramètre vide.',
  'validation.letter.kind': 'Type de lettre inconnu.',
  'validation.letter.status': 'Statut de lettre invalide.',
  'validation.letter.registeredNumber': 'Numéro de recommandé invalide (lettres majuscules, chiffres et espaces).',
  'validation.letter.sentOnRequired': 'La date d\'envoi est obligatoire pour une lettre envoyée.',
  'validation.letter.receivedOnRequired': 'La date de réception (accusé de réception) est obligatoire.',
  'validation.letter.receivedBeforeSent': 'La réception ne peut pas précéder l\'envoi.',
  'validation.payment.method': 'Moyen de paiement invalide (virement, prélèvement, chèque, carte ou autre).',
  'validation.payment.reasonRequired': 'Le motif de l’annulation est obligatoire.',
  'validation.payment.kind': 'Type de règlement invalide (paiement, remboursement ou imputation).',
  'validation.payment.cancellation': 'Une annulation de paiement porte sa date et son motif.',
  'validation.payment.compensation': 'La compensation est le moyen d’une imputation d’avoir, et d’elle seule.',
  'validation.payment.creditNoteRequired': 'Un remboursement ou une imputation nomme l’avoir qu’il règle.',
  'validation.payment.noCreditNote': 'Un paiement reçu ne nomme pas d’avoir.',
  'validation.payment.offsetOnly': 'Seule une imputation d’avoir vise une autre facture.',
  'validation.platform.status': 'Statut de plateforme inconnu.',
  'validation.tier.unknown': 'Formule inconnue (T19, T49, T99, T199, T499 ou T999).',
  'validation.tier.negativeLimit': 'Une limite ne peut pas être négative.',
  'validation.tier.negativePrice': 'Un prix ne peut pas être négatif.',
  'validation.priceList.labelRequired': 'Le libellé de la grille est obligatoire.',
  'validation.priceList.noTier': 'Une grille compte au moins une formule.',
  'validation.text.malformed': 'Texte mal formé : un caractère y est coupé en deux (une moitié d’émoji, par exemple) ; retapez ce texte.',
  'validation.text.control': 'Caractère invisible interdit (tabulation, saut de ligne ou caractère de contrôle) : retapez ce texte sur une ligne.',
  'validation.text.controlMultiline': 'Caractère invisible interdit (caractère de contrôle) : retapez ce texte.',
  'validation.text.expected': 'Texte attendu.',
  'validation.id.required': 'L\'identifiant est obligatoire.',
  'validation.id.control': 'Identifiant invalide : caractère de contrôle.',
  'validation.usage.id': 'L\'identifiant d\'un relevé de consommation est celui de son contrat.',
  'validation.usage.months': 'Les mois doivent être uniques et dans l’ordre chronologique.',
  'validation.seller.legalForm': 'La forme juridique est obligatoire.',
  'validation.seller.capital': 'Le capital social est obligatoire.',
  'validation.seller.siren': 'Le SIREN compte 9 chiffres.',
  'validation.seller.rcs': 'L\'immatriculation RCS est obligatoire.',
  'validation.seller.vatNumber': 'Le numéro de TVA intracommunautaire est obligatoire.',
  'validation.seller.email': 'Adresse e-mail invalide.',
  'validation.text.tooLong': 'Texte trop long ({max} caractères au plus).',
  'validation.id.tooLong': 'Identifiant trop long ({max} caractères au plus).',
  'validation.priceList.duplicateTier': 'Formule {tier} en double dans la grille.',
  'validation.siren.length': 'SIREN invalide : 9 chiffres attendus.',
  'validation.siren.key': 'SIREN invalide : la clé de contrôle (Luhn) ne correspond pas.',
  'validation.contract.startTooFar': 'Date de début trop lointaine : au plus tard le {latest} (un an après aujourd’hui).',
  'validation.contract.noticeFuture': 'Un préavis ne peut pas avoir été reçu dans le futur ({on}, après aujourd’hui {today}).',
  'validation.contract.endTooFar': 'Date de résiliation invraisemblable ({end}) : au plus tard le {latest}.',
  'validation.contract.referenceTaken': 'La référence {reference} est déjà celle d’un autre contrat : choisissez-en une autre.',
  'validation.required': 'Ce champ est obligatoire.',
  'validation.number': 'Un nombre est attendu (le champ est vide ou contient autre chose que des chiffres).',
  'validation.other': '{fr}',
  // s11 english: the usage CSV import's report (import/usage-csv.ts)
  'usageCsv.tooLarge': 'Fichier trop volumineux : {size} Mo, pour {max} Mo au plus. Découpez l’export par mois.',
  'usageCsv.contractMissing': 'Contrat manquant : indiquez la référence du contrat ou le SIREN du client.',
  'usageCsv.referenceShared': 'La référence {reference} désigne {count|# contrat|# contrats} : rendez les références uniques dans l’application avant d’importer.',
  'usageCsv.contractUnknown': 'Contrat inconnu : « {text} ».',
  'usageCsv.sirenUnknown': 'Aucun client de SIREN {siren}.',
  'usageCsv.sirenSeveral': 'Le client de SIREN {siren} a plusieurs contrats ({references}) : indiquez la référence du contrat.',
  'usageCsv.monthFormat': 'Mois invalide : « {value} » (format attendu AAAA-MM, par exemple 2026-10).',
  'usageCsv.monthRange': 'Mois invalide : « {value} » (le mois va de 01 à 12).',
  'usageCsv.valueMissing': 'Valeur manquante.',
  'usageCsv.negative': 'Valeur négative refusée : « {value} ».',
  'usageCsv.unreadable': 'Nombre illisible : « {value} » (exemple : 1,5).',
  'usageCsv.futureMonth': 'Mois à venir : {month} n’est pas encore écoulé.',
  'usageCsv.beforeStart': 'Le contrat {reference} commence le {start} : pas de consommation en {month}.',
  'usageCsv.afterEnd': 'Le contrat {reference} est résilié depuis le {end} : pas de consommation en {month}.',
  'usageCsv.empty': 'Fichier vide : une ligne d’en-tête est attendue ({header}).',
  'usageCsv.headerMissing': 'En-tête incomplet : {count|colonne|colonnes} {columns} {count|manquante|manquantes} (en-tête attendu : {header}).',
  'usageCsv.quote': 'Guillemet ouvert jamais refermé : la fin du fichier est illisible.',
  'usageCsv.width': 'La ligne compte {cells} colonnes, l’en-tête en compte {width}.{hint}',
  'usageCsv.widthHint': ' Avec le séparateur virgule, un nombre décimal à virgule doit être entre guillemets ("1,5").',
  'usageCsv.duplicate': 'Doublon : {month} du contrat {reference} figure déjà ligne {first}.',
  'usageCsv.noLine': 'Le fichier ne contient aucune ligne de consommation après l’en-tête.',
  'usageCsv.nothingChecked': 'Aucun fichier vérifié à importer.',
  // s11 english: credit notes, payment cancellations, surcharges, issuing and letters' refusals
  'refusal.credit.inconsistent': 'Avoirs antérieurs incohérents : plus de lignes créditées que la facture n’en compte.',
  'refusal.credit.lineOver': 'Ligne {line} : {credited} déjà crédités pour {billed} facturés.',
  'refusal.credit.noLine': 'Ligne à créditer inexistante : n° {line}.',
  'refusal.credit.excess': 'Avoir refusé : {asked} demandés sur la ligne {line}, il ne reste que {left} à créditer.',
  'refusal.credit.nothingLeft': 'Avoir refusé : rien ne reste à créditer sur la facture {number}.',
  'refusal.credit.target': 'Un avoir se fait sur une facture ou une majoration émise.',
  'refusal.credit.otherClient': 'Un avoir porte sur une facture de son client : la facture {number} est celle d’un autre client.',
  'refusal.credit.stray': 'Avoir refusé : la ligne « {label} » ne retire aucun montant d’une ligne de la facture {number}.',
  'refusal.payment.alreadyCancelled': 'Ce paiement a déjà été annulé le {date}.',
  'refusal.payment.reason': 'Indiquez le motif de l’annulation (par exemple « virement rejeté par la banque »).',
  'refusal.surcharge.nothingDue': 'La facture {number} n\'a pas de solde impayé : aucune majoration n\'est due.',
  'refusal.issue.tooEarlyMonth': 'La facture de {month} ne peut pas être émise avant le {date} (début de la période facturée).',
  'refusal.issue.tooEarlyDraft': 'Ce brouillon ne peut pas être émise avant le {date} (début de la période facturée).',
  'refusal.letter.nonPaymentTooEarly': 'La résiliation pour impayé n’est possible qu’à partir du {date} (§6.6).',
  'refusal.letter.objectionNotice': 'Une opposition se rapporte à un avis de modification des prix envoyé.',
  'refusal.letter.objectionUseless': 'Le contrat prend déjà fin avant l’entrée en vigueur des nouveaux prix : l’opposition ne change rien.',
  'refusal.letter.tierChangeFirstDay': 'Le changement de formule prend effet un premier jour de mois (§5.1).',
  'refusal.letter.breachTooEarly': 'Le délai de régularisation court jusqu’au {date} inclus : la résiliation n’est possible qu’après (§6.6).',
  'refusal.letter.forceMajeureTooEarly': 'La force majeure doit durer plus de 30 jours consécutifs : résiliation possible à partir du {date} (§7.4).',
  'refusal.amount.unreadable': 'Montant illisible : « {text} » (exemple : 1 234,56).',
  // s11 english: a contract's history entries (the client's history, the client file's export)
  'code.noticeChannel.registered_letter': 'lettre recommandée avec accusé de réception',
  'code.noticeChannel.email': 'e-mail à l’adresse du support',
  'history.line': '{reference} — {event} : {detail}',
  'history.event.tier_change': 'Changement de formule',
  'history.event.termination_notice': 'Préavis de résiliation reçu',
  'history.event.termination': 'Résiliation — {cause}',
  'history.event.price_change': 'Modification des prix',
  'history.event.status_change': 'Changement de statut',
  'history.detail.tier_change': '{from} → {to} à compter de {month}',
  'history.detail.termination_notice': 'Reçu le {date} par {channel}, effet le {effective}',
  'history.detail.termination': 'Effet le {effective} : {rule}',
  'history.detail.price_change': 'Formule {tier} à {price} HT à compter du {from} (avis reçu le {receivedOn}, opposition possible jusqu’au {objectionBy}, §5.2)',
  'history.detail.status_change': '{from} → {to}{reason}',
  'history.detail.reason': ' ({reason})',
  // s11 english: letter kinds, and the invoicing and letters commands' history lines
  'code.letterKind.terminationAcknowledgement': 'Accusé de réception de la résiliation',
  'code.letterKind.priceChange': 'Avis de modification des prix',
  'code.letterKind.tierChange': 'Changement de formule (dépassement)',
  'code.letterKind.paymentReminder': 'Relance de paiement',
  'code.letterKind.formalNotice': 'Mise en demeure de payer',
  'code.letterKind.nonPaymentTermination': 'Résiliation pour défaut de paiement',
  'code.letterKind.breachNotice': 'Notification de manquement',
  'code.letterKind.breachTermination': 'Résiliation pour manquement non résolu',
  'code.letterKind.forceMajeureTermination': 'Résiliation pour force majeure',
  'code.letterKind.receiptCorrection': 'Rectification des dates d’un courrier',
  'audit.invoice.draftBeforeCentral': 'Brouillon daté du {date}, échéance le {due}, avant son émission par le serveur central.',
  'audit.invoice.issuedCentral': 'Facture {number} émise par le serveur central le {date}{buyer}.',
  'audit.buyer': ' ({name})',
  'audit.payment.create': 'Paiement de {amount} ({method}) sur la facture {number}.',
  'audit.payment.delete': 'Paiement de {amount} du {date} supprimé.',
  'audit.payment.cancel': 'Paiement de {amount} du {date} sur la facture {number} annulé : {reason}.',
  'audit.invoice.issue': 'Facture {number} émise le {date} ({client}).',
  'audit.invoice.surcharge': 'Majoration de retard {number} émise sur la facture {invoice}.',
  'audit.invoice.creditNote': 'Avoir {number} émis sur la facture {invoice} du {date}.',
  'audit.credit.refund': 'Remboursement de {amount} au client le {date} (trop-perçu de la facture {invoice} après l’avoir {note}).',
  'audit.credit.offset': 'Avoir {note} : {amount} à imputer sur la prochaine facture du client (trop-perçu de la facture {invoice}).',
  'audit.credit.imputed': '{amount} d’avoir imputés sur la facture {number}.',
  'audit.credit.rest': 'Reste {amount} d’avoir à imputer sur une facture suivante.',
  'audit.invoice.draftMonth': 'Brouillon de la facture de {period} créé.',
  'audit.invoice.issueRefused': 'Émission du document {number} refusée par le serveur central : {reason} Il redevient un brouillon.',
  'audit.draft.create': 'Brouillon de {what} créé.',
  'audit.draft.update': 'Brouillon de {what} modifié.',
  'audit.draft.delete': 'Brouillon de {what} supprimé.',
  'audit.draft.invoice': 'la facture{period}',
  'audit.draft.credit_note': 'l\'avoir{period}',
  'audit.draft.surcharge': 'la majoration{period}',
  'audit.draft.period': ' de {period}',
  'audit.letter.create': '{kind} rédigée (contrat {reference}).',
  'audit.letter.print': '{kind} imprimée.',
  'audit.letter.send': '{kind} envoyée le {date} en recommandé n° {number}.',
  'audit.letter.receive': '{kind} reçue le {date} (accusé de réception) : échéances recalculées.',
  'audit.letter.return': '{kind} : pli retourné non distribué.',
  'audit.contract.noticeByLetter': 'Préavis de résiliation reçu le {date} : résiliation effective le {effective} — fin du mois suivant la réception du préavis (§1).',
  'audit.contract.termination': '{cause} : résiliation effective le {effective} — {rule}',
  'audit.contract.priceChange': 'Nouveau prix de la formule {tier} : {price} HT à compter du {from}, sauf opposition reçue au plus tard le {objectionBy} (§5.2).',
  'audit.letter.withdrawn': '{kind} retournée non distribuée : ses effets sur le contrat {reference} sont retirés.',
  'audit.contract.letterEffect': '{reference} — {effect}',
  'audit.contract.objection': '{reference} — Opposition du client reçue le {date}. {effect}',
  'refusal.letter.correctionFromLetter': 'Le courrier rectificatif se rédige depuis la lettre dont la réception a déplacé les dates.',
  // s11 english: the server's conflict answer (src-server/sync/apply-mutation.ts)
  'sync.conflict.reason': 'Modifié sur le serveur depuis votre version : choisissez la valeur à garder.',
  // s11 english: a letter's steps refused (letters/letter-status.ts)
  'code.letterStep.print': 'Impression',
  'code.letterStep.send': 'Envoi en recommandé',
  'code.letterStep.receive': 'Réception (accusé de réception)',
  'code.letterStep.return': 'Retour du pli non distribué',
  'code.letterStatusWord.draft': 'brouillon',
  'code.letterStatusWord.printed': 'imprimée',
  'code.letterStatusWord.sent': 'envoyée',
  'code.letterStatusWord.received': 'reçue',
  'code.letterStatusWord.returned': 'retournée',
  'refusal.letterStep.hint.draft': ' : imprimez d’abord la lettre',
  'refusal.letterStep.hint.printed': ' : la lettre n’a pas encore été envoyée',
  'refusal.letterStep.hint.returned': ' : le pli est revenu ; rédigez un nouvel envoi',
  'refusal.letterStep.hint.received': ' : la lettre a déjà été reçue',
  'refusal.letterStep.hint.sent': ' : la lettre est déjà envoyée',
  'refusal.letterStep.notAllowed': 'Transition impossible : « {step} » n’est pas possible pour une lettre {status}{hint}.',
  'refusal.letterStep.registeredNumber': 'Transition impossible : le numéro du recommandé est obligatoire pour un envoi.',
  'refusal.letterStep.futureSent': 'Transition impossible : La date d’envoi ({date}) ne peut pas être dans le futur.',
  'refusal.letterStep.futureReceived': 'Transition impossible : La date de réception ({date}) ne peut pas être dans le futur.',
  'refusal.letterStep.sentBeforeDate': 'Transition impossible : la lettre est datée du {letterDate} ; elle ne peut pas être envoyée le {sentOn}.',
  'refusal.letterStep.receivedBeforeSent': 'Transition impossible : la réception ({receivedOn}) ne peut pas précéder l’envoi ({sentOn}).',
  // s12 english (issue 19): e-invoicing refusals and the EN 16931 rules (einvoice/validate.ts, facturx.ts)
  'einvoice.refused': 'Émission refusée, rien n’a été émis.\n{documents}',
  'einvoice.documentName': '{number} ({buyer})',
  'einvoice.draftName': 'Le brouillon ({buyer})',
  'einvoice.document': '{document} ne respecte pas la norme de facturation électronique EN 16931 :\n{problems}',
  'einvoice.problem': '– [{rule}] {problem}',
  'einvoice.br01': 'L’identifiant de spécification (BT-24) doit être « {spec} ».',
  'einvoice.br02': 'Le numéro de facture (BT-1) est obligatoire.',
  'einvoice.br03': 'La date d’émission (BT-2) est obligatoire.',
  'einvoice.br04': 'Le type de document (BT-3) doit être 380 (facture) ou 381 (avoir).',
  'einvoice.br05': 'La devise de facturation (BT-5) est obligatoire (EUR).',
  'einvoice.br06': 'La raison sociale du vendeur (BT-27) est obligatoire.',
  'einvoice.br07': 'La raison sociale de l’acheteur (BT-44) est obligatoire.',
  'einvoice.br08': 'L’adresse postale du vendeur (BG-5) est obligatoire.',
  'einvoice.br09': 'Le code pays du vendeur (BT-40) est obligatoire.',
  'einvoice.br10': 'L’adresse postale de l’acheteur (BG-8) est obligatoire.',
  'einvoice.br11': 'Le code pays de l’acheteur (BT-55) est obligatoire.',
  'einvoice.br12': 'Le somme des montants nets des lignes (BT-106) est obligatoire.',
  'einvoice.br13': 'Le total hors TVA (BT-109) est obligatoire.',
  'einvoice.br14': 'Le total TVA comprise (BT-112) est obligatoire.',
  'einvoice.br15': 'Le montant à payer (BT-115) est obligatoire.',
  'einvoice.br16': 'Une facture compte au moins une ligne (BG-25).',
  'einvoice.br21': 'Chaque ligne porte un identifiant (BT-126).',
  'einvoice.br22': 'Ligne {line} : la quantité facturée (BT-129) est obligatoire.',
  'einvoice.br23': 'Ligne {line} : l’unité de mesure (BT-130) est obligatoire.',
  'einvoice.br24': 'Ligne {line} : le montant net (BT-131) est obligatoire.',
  'einvoice.br25': 'Ligne {line} : la désignation (BT-153) est obligatoire.',
  'einvoice.br26': 'Ligne {line} : le prix unitaire net (BT-146) est obligatoire.',
  'einvoice.br27': 'Ligne {line} : le prix unitaire net (BT-146) ne peut pas être négatif ({price}).',
  'einvoice.brCo4': 'Ligne {line} : aucune catégorie de TVA (BT-151) — un taux de 0 % doit être justifié par l’autoliquidation ou l’opération hors champ.',
  'einvoice.brCo10': 'Le total des lignes (BT-106, {total}) doit être la somme des montants nets des lignes ({sum}).',
  'einvoice.brCo13': 'Le total hors TVA (BT-109, {basis}) doit être égal au total des lignes (BT-106, {lines}), sans remise ni frais.',
  'einvoice.brCo14': 'Le total de TVA (BT-110, {total}) doit être la somme des TVA par catégorie (BT-117, {sum}).',
  'einvoice.brCo15': 'Le total TTC (BT-112, {total}) doit être le total HT plus la TVA ({computed}).',
  'einvoice.brCo16': 'Le montant à payer (BT-115, {due}) doit être le total TTC ({total}) moins ce qui est déjà réglé (BT-113, {paid}).',
  'einvoice.brCo25': 'Un montant restant à payer exige une date d’échéance (BT-9) ou des conditions de paiement (BT-20).',
  'einvoice.brCo18': 'La facture doit comporter au moins un détail de TVA (BG-23).',
  'einvoice.vatDetail': 'Détail de TVA {category}',
  'einvoice.atRate': ' à {rate} %',
  'einvoice.br48': '{detail} : le taux (BT-119) est obligatoire.',
  'einvoice.brCo17': '{detail} : la TVA (BT-117, {tax}) doit être {basis} × {rate} % arrondi au centime près, soit {computed}.',
  'einvoice.categoryNoLine': '{detail} : aucune ligne de cette catégorie{rate}.',
  'einvoice.categoryBasis': '{detail} : la base (BT-116, {basis}) doit être la somme des lignes de la catégorie ({sum}).',
  'einvoice.brS10': '{detail} : pas de motif d’exonération (BT-120, BT-121) au taux normal.',
  'einvoice.categoryExemption': '{detail} : le motif d’exonération (BT-120 ou BT-121) est obligatoire.',
  'einvoice.categoryTax': '{detail} : la TVA (BT-117) doit être nulle, pas {tax}.',
  'einvoice.lineNoDetail': 'Ligne {line} : aucun détail de TVA {category}{rate} (BG-23).',
  'einvoice.categorySingle': 'Un seul détail de TVA {category} est admis.',
  'einvoice.brS5': 'Ligne {line} : au taux normal, le taux de TVA (BT-152) doit être supérieur à zéro.',
  'einvoice.categoryZeroRate': 'Ligne {line} : le taux de TVA (BT-152) doit être 0 en {category}.',
  'einvoice.brO5': 'Ligne {line} : une ligne hors champ de la TVA ne porte pas de taux (BT-152).',
  'einvoice.brS2': 'Une facture au taux normal porte le numéro de TVA du vendeur (BT-31).',
  'einvoice.brG2': 'Une exportation porte le numéro de TVA du vendeur (BT-31).',
  'einvoice.brAe2.seller': 'Une autoliquidation porte le numéro de TVA du vendeur (BT-31).',
  'einvoice.brAe2.buyer': 'Une autoliquidation porte le numéro de TVA de l’acheteur (BT-48) ou son identifiant légal (BT-47).',
  'einvoice.brO2': 'Une facture hors champ de la TVA ne porte ni le numéro de TVA du vendeur (BT-31) ni celui de l’acheteur (BT-48).',
  'einvoice.brO11': 'Une facture hors champ de la TVA ne peut contenir aucune autre catégorie de TVA (BR-O-11, BR-O-12).',
  'einvoice.brCo26': 'Le SIREN du vendeur (BT-30, schéma 0002) est obligatoire et doit être valide.',
  'einvoice.buyerSiren.invalid': 'Le SIREN de l’acheteur français (BT-47, schéma 0002) est invalide (« {siren} ») : il est obligatoire pour la facture électronique.',
  'einvoice.buyerSiren.missing': 'Le SIREN de l’acheteur français (BT-47, schéma 0002) est manquant : il est obligatoire pour la facture électronique.',
  'einvoice.buyerSiren.foreign': 'Le SIREN de l’acheteur (BT-47) est invalide (« {siren} »).',
  'einvoice.br55': 'Un avoir (381) référence la facture qu’il corrige (BT-25).',
  'einvoice.br29': 'La fin de la période de facturation (BT-74, {to}) précède son début (BT-73, {from}).',
  'einvoice.frDue': 'L’échéance (BT-9, {due}) précède la date d’émission (BT-2, {issued}).',
  'einvoice.br61': 'Un virement SEPA (BT-81 = 58) indique l’IBAN du vendeur (BT-84).',
  'code.vatCategory.S': 'taux normal (S)',
  'code.vatCategory.AE': 'autoliquidation (AE)',
  'code.vatCategory.G': 'exportation hors UE (G)',
  'code.vatCategory.O': 'hors champ de la TVA (O)',
  'code.vatCategory.Z': 'taux zéro (Z)',
  'code.vatCategory.E': 'exonérée (E)',
  'code.vatCategory.K': 'livraison intracommunautaire (K)',
  'code.vatCategory.L': 'Canaries (L)',
  'code.vatCategory.M': 'Ceuta et Melilla (M)',
  // s12 english: numbering and series (billing/numbering.ts)
  'refusal.series.prefix': 'Préfixe de série inconnu : « {prefix} » (F pour les factures, AV pour les avoirs).',
  'refusal.series.year': 'Année de série invalide : {year}.',
  'refusal.series.deviceCode': 'Code de poste invalide : « {code} » (une majuscule puis 1 à 9 majuscules ou chiffres).',
  'refusal.series.outOfRange': 'Numéro hors de la série {series} : {number} (de 1 à {capacity}).',
  'refusal.series.numberFormat': 'Numéro de facture invalide : « {text} » (attendu F-AAAA-NNNNNN, F-AAAA-<poste>-NNNN ou AV-… de même).',
  'refusal.numbering.otherSeries': 'Le numéro {number} n\'appartient pas à la série {series}.',
  'refusal.numbering.otherYear': 'La série {series} ne numérote que des documents datés de {year}, pas du {date}.',
  'refusal.numbering.reused': 'Le numéro {number} a déjà été attribué : un numéro ne se réutilise pas.',
  'refusal.numbering.gap': 'Le numéro {number} sauterait {count|# numéro|# numéros} de la série {series} : la numérotation doit être continue.',
  'refusal.numbering.beforeLast': 'Le {date} précède la date du dernier document de la série {series} ({last}) : la numérotation doit suivre l\'ordre chronologique.',
  'refusal.numbering.exhausted': 'La série {series} est épuisée ({count|# numéro|# numéros}) : demander une nouvelle série.',
  // s12 english: price lists, payment terms, dunning delays (pricing/price-lists.ts, billing/periods.ts, lifecycle/dunning.ts)
  'refusal.priceList.noneInForce': 'Aucune grille tarifaire n\'est en vigueur le {date} (la première date du {first}).',
  'refusal.priceList.noneRecorded': 'Aucune grille tarifaire n\'est en vigueur le {date} (aucune grille enregistrée).',
  'refusal.priceList.unknownTier': 'Formule inconnue : « {tier} » n\'existe pas dans la grille {list} (formules : {tiers}).',
  'refusal.billing.endBeforeStart': 'Contrat {id} : la résiliation ({end}) précède le début du contrat ({start}).',
  'refusal.billing.paymentTerm': 'Contrat {id} : délai de paiement invalide ({days|# jour|# jours}).',
  'refusal.dunning.order': 'Délais de relance incohérents : « {step} » à {days|# jour|# jours} de l’échéance ne suit pas l’étape précédente ({previous|# jour|# jours}).',
  'code.dunningStep.reminder': 'Relance',
  'code.dunningStep.formal_notice': 'Mise en demeure de payer',
  'code.dunningStep.termination_possible': 'Résiliation pour défaut de paiement possible',
  // s12 english: low-level asserts that can reach a screen (dates.ts, money.ts, calendar/holidays.ts)
  'refusal.date.format': 'Date invalide : « {text} » (format attendu AAAA-MM-JJ).',
  'refusal.date.impossible': 'Date impossible : « {text} » n\'existe pas dans le calendrier.',
  'refusal.date.days': 'Nombre de jours invalide : {text} (un entier est attendu).',
  'refusal.month.format': 'Mois invalide : « {text} » (format attendu AAAA-MM).',
  'refusal.count.whole': '{what} invalide : {text} (un entier positif ou nul est attendu).',
  'refusal.amount.cents': '{what} invalide : un montant en euros au centime près est attendu (exemple : 118,80 €).',
  'refusal.amount.negative': '{what} négatif refusé : {amount}.',
  'code.countWhat.days': 'Nombre de jours',
  'code.countWhat.businessDays': 'Nombre de jours ouvrés',
  'code.countWhat.businessHours': 'Nombre d\'heures ouvrées',
  'code.countWhat.presumedReceipt': 'Délai de réception présumée',
  'code.countWhat.dunningStep': 'Délai « {step} »',
  'code.amountWhat.amount': 'Montant',
  'code.amountWhat.lineNet': 'Montant HT de ligne',
  'code.amountWhat.paid': 'Montant payé',
  'code.amountWhat.refunded': 'Montant remboursé',
  'code.amountWhat.offset': 'Montant imputé',
  'code.amountWhat.total': 'Total TTC',
  'code.amountWhat.alreadyCredited': 'Montant déjà crédité',
  'code.amountWhat.toCredit': 'Montant à créditer',
  'code.amountWhat.unpaid': 'Montant TTC impayé',
  'code.amountWhat.monthlyPrice': 'Prix mensuel',
  'code.amountWhat.payment': 'Montant du paiement',
  'code.amountWhat.offsetIn': 'Avoir imputé',
  'code.amountWhat.credited': 'Total d’avoir',
  // s12 english: a letter's params refused (letters/compose.ts, stored-params.ts)
  'refusal.letter.incomplete': 'Courrier incomplet : {path} — {reason}',
  'refusal.letter.unreadableParams': 'Paramètres de lettre illisibles : {path} — {reason}',
  'refusal.letter.invalidValue': 'donnée invalide',
  // s12 english: refunds and offsets (billing/credit-use.ts)
  'code.creditUseWhat.refund': 'Le remboursement',
  'code.creditUseWhat.offset': 'L’imputation',
  'refusal.creditUse.positive': '{what} doit porter sur un montant positif.',
  'refusal.creditUse.issuedInvoice': '{what} se fait sur une facture émise.',
  'refusal.creditUse.sameClient': '{what} concerne le client de la facture {number}, pas un autre.',
  'refusal.creditUse.creditNote': '{what} nomme un avoir émis sur la facture {number}.',
  'refusal.creditUse.noOverpayment': 'La facture {number} n’a pas de trop-perçu : il n’y a rien à rembourser ni à imputer.',
  'refusal.creditUse.overAvailable': '{what} ({amount}) dépasse ce que le client a payé au-delà du solde de la facture {number} ({available}).',
  'refusal.creditUse.offsetOtherClient': 'Un avoir s’impute sur une facture du même client ; la facture {number} est celle d’un autre client.',
  'refusal.creditUse.offsetTarget': 'Un avoir s’impute sur une autre facture émise du client.',
  'refusal.creditUse.offsetOverBalance': 'L’imputation ({amount}) dépasse ce que la facture {number} reste à payer ({balance}).',
  // s12 english: a refused input names its fields (model/validate.ts)
  'join.clauses': ' ; ',
  'refusal.input': 'Saisie refusée ({what}). {details}{more}',
  'refusal.input.field': '{field} : {reason}',
  'refusal.input.more': ' ; et {count|# autre problème|# autres problèmes}',
  // the fields a refused input names, and what it is (parseEntity's `what`)
  'code.field.id': 'Identifiant',
  'code.field.legalName': 'Raison sociale',
  'code.field.siren': 'SIREN',
  'code.field.vatNumber': 'N° de TVA',
  'code.field.country': 'Pays',
  'code.field.billingAddress': 'Adresse de facturation',
  'code.field.lines': 'Lignes',
  'code.field.postalCode': 'Code postal',
  'code.field.city': 'Ville',
  'code.field.contact': 'Contact',
  'code.field.partner': 'Partenaire',
  'code.field.name': 'Nom',
  'code.field.email': 'E-mail',
  'code.field.phone': 'Téléphone',
  'code.field.hostingMode': 'Mode d\'hébergement',
  'code.field.clientId': 'Client',
  'code.field.contractId': 'Contrat',
  'code.field.reference': 'Référence',
  'code.field.tier': 'Formule',
  'code.field.priceListId': 'Grille tarifaire',
  'code.field.startDate': 'Date de début',
  'code.field.status': 'Statut',
  'code.field.paymentTermDays': 'Délai de paiement',
  'code.field.terminationNotice': 'Préavis',
  'code.field.receivedOn': 'Date de réception',
  'code.field.channel': 'Canal',
  'code.field.terminationEffectiveDate': 'Date de résiliation',
  'code.field.history': 'Historique',
  'code.field.months': 'Mois',
  'code.field.month': 'Mois',
  'code.field.cpuHours': 'Heures CPU',
  'code.field.databaseGB': 'Base de données (Go)',
  'code.field.storageGB': 'Stockage (Go)',
  'code.field.kind': 'Type',
  'code.field.number': 'Numéro',
  'code.field.period': 'Mois facturé',
  'code.field.issueDate': 'Date d\'émission',
  'code.field.dueDate': 'Échéance',
  'code.field.label': 'Libellé',
  'code.field.quantity': 'Quantité',
  'code.field.unitPriceCents': 'Prix unitaire',
  'code.field.netCents': 'Montant HT',
  'code.field.vatRatePercent': 'Taux de TVA',
  'code.field.totals': 'Totaux',
  'code.field.invoiceId': 'Facture',
  'code.field.date': 'Date',
  'code.field.amountCents': 'Montant',
  'code.field.method': 'Moyen de paiement',
  'code.field.sentOn': 'Date d\'envoi',
  'code.field.registeredNumber': 'N° de recommandé',
  'code.field.params': 'Paramètres',
  'code.field.createdAt': 'Créé le',
  'code.field.updatedAt': 'Modifié le',
  'code.field.version': 'Version',
  'code.field.effectiveFrom': 'Date d\'effet',
  'code.field.tiers': 'Formules',
  'code.inputWhat.usageImported': 'Consommation importée',
  'code.inputWhat.usage': 'Consommation',
  'code.inputWhat.tier': 'Formule',
  'code.inputWhat.ruleSettings': 'Paramètres des règles',
  'code.inputWhat.sellerProfile': 'Profil vendeur',
  'code.inputWhat.settlement': 'Règlement',
  'code.entity.clients': 'Client',
  'code.entity.contracts': 'Contrat',
  'code.entity.usage': 'Relevé de consommation',
  'code.entity.invoices': 'Facture',
  'code.entity.payments': 'Paiement',
  'code.entity.letters': 'Lettre',
  'code.entity.priceLists': 'Grille tarifaire',
  // s12 english: the central server's refusals (src-server: push answers, HTTP errors), said by the laptop in its language
  'sync.refusal.mutationReused': 'Identifiant de mutation {id} déjà utilisé pour un autre enregistrement.',
  'sync.refusal.otherDevice': 'Mutation du poste {sent} envoyée par le poste {by}.',
  'sync.refusal.serverOwnedField': 'Le champ « {field} » est écrit par le serveur seul (statuts de la plateforme agréée).',
  'sync.refusal.unknownFields': '{count|Champ inconnu|Champs inconnus} : {shown}{more}.',
  'sync.refusal.moreFields': ' et {count|# autre|# autres}',
  'sync.refusal.quotedField': '« {field} »',
  'sync.refusal.idMismatch': 'Le champ id ({id}) ne correspond pas à l’enregistrement {recordId}.',
  'sync.refusal.unknownRecord': 'Enregistrement {recordId} inconnu du serveur (version de base {base}).',
  'sync.refusal.baseAhead': 'Version de base {base} postérieure à la version du serveur ({server}).',
  'sync.refusal.missingInvoice': 'Facture {id} inconnue du serveur : envoyez-la d’abord, ou corrigez la référence.',
  'sync.refusal.missingContract': 'Contrat {id} inconnu du serveur : envoyez-le d’abord, ou corrigez la référence.',
  'sync.refusal.contractRefused': 'Contrat refusé. {details}',
  'sync.refusal.centralSeries': 'Les numéros de la série centrale (« {number} ») sont attribués par le serveur à l’émission.',
  'sync.refusal.seriesNotGranted': 'La série {series} n’a pas été attribuée à ce poste.',
  'sync.refusal.unknownDevice': 'Poste {device} inconnu du serveur : demandez d’abord sa série.',
  'sync.refusal.deviceOfAnother': 'Le poste {code} appartient à un autre utilisateur : ses séries de numéros ne peuvent pas être utilisées.',
  'sync.refusal.deviceInUse': 'Le poste {code} est lié à une autre connexion encore valide : déconnectez-la (ou révoquez ses jetons) avant de l’utiliser ici.',
  'sync.refusal.futureIssue': 'Date d’émission {date} postérieure à aujourd’hui ({today}) : un document ne peut pas être émis à l’avance.',
  'sync.refusal.unknownInvoice': 'Facture {id} inconnue du serveur : envoyez d’abord le brouillon.',
  'sync.refusal.alreadyIssued': 'Document déjà émis (numéro {number}).',
  'sync.refusal.wrongCredentials': 'Nom d’utilisateur ou mot de passe incorrect.',
  'sync.refusal.locked': 'Compte verrouillé après {failures} échecs de connexion : réessayez dans {minutes} min, ou demandez à un administrateur de redéfinir le mot de passe.',
  'sync.refusal.ingestAccount': 'Ce compte sert à la plateforme d’hébergement : il ne se connecte pas depuis un poste.',
  'sync.refusal.noToken': 'Authentification requise : jeton manquant (en-tête Authorization: Bearer …).',
  'sync.refusal.badToken': 'Jeton invalide ou révoqué.',
  'sync.refusal.role': 'Accès refusé : le rôle « {role} » ne permet pas cette opération.',
  'sync.refusal.rateLimited': 'Trop de requêtes : réessayez dans {seconds} s.',
  // s12 english: what the laptop sets aside with a document the server refused (src-renderer/data/invoicing/refused-issues.ts)
  'sync.setAside.heldWithInvoice': 'La facture {number} a été refusée par le serveur central ({reason}) : {what} mis de côté avec elle, à renvoyer une fois la facture émise à nouveau.',
  'sync.setAside.invoiceRefused': 'la facture {number} qu’il concerne a été refusée.',
  'code.heldWhat.payment': 'paiement',
  'code.heldWhat.document': 'document',
  // s12 english: the rule a price-change objection stores on its termination (letters/contract-effect.ts), read back by messageOfFrench
  'rule.priceChange.objectionStored': '{rule} Opposition reçue le {on} ; nouveaux prix prévus le {from} (§5.2).',
  // s12 english: the business rules the laptop and the server both check (rules/contracts.ts, letters.ts, payments.ts)
  'refusal.tierChange.byAction': 'La formule d’un contrat change par « Changer de formule », qui l’inscrit dans l’historique du contrat.',
  'refusal.tierChange.byActionLatest': '{action} (formule {tier}, dernier changement vers {latest}).',
  'refusal.contract.storedEnd': 'La date de résiliation enregistrée ({stored}) n’est pas celle que fixent le préavis et les lettres du contrat : le {end} — {rule}',
  'refusal.contract.storedEndNone': 'aucune',
  'refusal.termination.noLetter': 'Résiliation refusée : elle ne s’appuie sur aucune lettre de ce contrat qui la prononce (lettre {id}).',
  'refusal.termination.notSent': 'Résiliation refusée : la lettre qui la prononce n’a pas été envoyée.',
  'refusal.termination.beforeSent': 'Résiliation refusée : effective le {effective}, avant l’envoi de sa lettre ({sent}).',
  'refusal.letter.backToDraft': 'Transition impossible : une lettre {status} ne redevient pas un brouillon.',
  'refusal.letter.noDelete': 'Une lettre {status} ne se supprime pas : elle reste au dossier du client.',
  'refusal.letter.sentOnRequired': 'La date d’envoi est obligatoire pour une lettre envoyée.',
  'refusal.payment.recorded': 'Un paiement enregistré ne se modifie pas : annulez-le avec un motif, puis enregistrez le bon.',
  'refusal.payment.cancelFuture': 'Un paiement ne peut pas être annulé dans le futur (le {date}).',
  'refusal.payment.synced': 'Ce paiement est déjà synchronisé : il ne se supprime pas, il s’annule avec un motif.',
  // s12 english: why a sync step failed (src-renderer/sync/sync-error.ts), said on the Synchronisation screen
  'sync.error.network': 'Serveur injoignable : vérifiez la connexion réseau et l’adresse du serveur.',
  'sync.error.timeout': 'Le serveur n’a pas répondu à temps.',
  'sync.error.server': 'Le serveur a rencontré une erreur ; nouvel essai automatique.',
  'sync.error.rateLimited': 'Trop de requêtes : nouvel essai dans un instant.',
  'sync.error.unauthorized': 'Jeton refusé : reconnectez-vous avec un jeton valide.',
  'sync.error.forbidden': 'Ce jeton n’a pas le droit de synchroniser (rôle chargé de clientèle ou administrateur requis).',
  'sync.error.refused': 'Le serveur a refusé la requête.',
  'sync.error.tooLarge': 'Envoi trop volumineux pour le serveur.',
  'sync.error.badAnswer': 'Réponse inattendue du serveur.',
  // s13 english: the sync failures the laptop words itself (src-renderer/sync/*), said on the Synchronisation screen
  'sync.error.serverStatus': '{failure} (HTTP {status})',
  'sync.error.badAnswerRoute': '{failure} ({path})',
  'sync.error.notSent': 'Requête non envoyée : {path} refuserait ces données.',
  'sync.error.interrupted': 'Synchronisation interrompue : {detail}',
  'sync.error.pagesClosed': 'Lecture des pages interrompue.',
  'sync.error.noAnswer': 'Le serveur n’a répondu pour aucune des modifications envoyées.',
  'sync.error.suspectsUnsent': 'Le serveur échoue à enregistrer les modifications envoyées ; elles restent à envoyer, nouvel essai automatique.',
  // s13 english: why the laptop sets a change aside without the server's word (src-renderer/sync/push-outbox.ts)
  'sync.setAside.invalid': 'Modification invalide, non envoyée ({details}). Corrigez l’enregistrement ou écartez la modification.',
  'sync.setAside.invalidField': '{path} : {reason}',
  'sync.setAside.tooLarge': 'Modification trop volumineuse pour le serveur ({size} Mo, {max} Mo au plus par envoi) : raccourcissez les textes de l’enregistrement.',
  'sync.setAside.serverFails': 'Le serveur échoue{status} à chaque envoi de cette modification, alors qu’il traite les autres : mise de côté pour ne pas bloquer la synchronisation. Corrigez l’enregistrement ou écartez la modification.',
  'sync.setAside.httpStatus': ' (HTTP {status})',
  'audit.sync.discard': 'Modification abandonnée (refusée par le serveur : {reason}) — raison : {why}',
  // s13 english: the central server's own refusals of a request (src-server/http/*), said by the laptop in its language
  'http.invalidRequest': 'Requête invalide : {details}{more}',
  'http.invalidRequest.issue': '{path} — {reason}',
  'http.invalidRequest.body': '(corps)',
  'http.invalidRequest.more': ' ; … ({count|# problème|# problèmes})',
  'http.invalidRequest.cursor': 'Curseur invalide',
  'http.unsupportedMediaType': 'Type de contenu non pris en charge : envoyez du JSON (application/json).',
  'http.emptyJson': 'Corps JSON vide.',
  'http.invalidJson': 'Corps JSON illisible.',
  'http.contentLength': 'Longueur du corps (Content-Length) différente de ce qui a été reçu.',
  'http.badUrl': 'Adresse de la requête mal formée.',
  'http.refused': 'Requête refusée.',
  'http.internal': 'Erreur interne du serveur.',
  'http.tooLarge': 'Requête trop volumineuse{most} : envoyez les mutations en plusieurs lots.',
  'http.tooLarge.most': ' ({kib} Kio au plus)',
  'http.timeout': 'Requête trop lente : le corps n’est pas arrivé à temps, réessayez.',
  'http.headersTooLarge': 'En-têtes de la requête trop volumineux.',
  'http.malformed': 'Requête HTTP mal formée.',
  'http.notFound': 'Route inconnue : {method} {url}',
  'http.originRefused': 'Origine non autorisée : {origin}.',
  'http.forbiddenContent': 'Requête refusée : {reason}',
  'http.hostile.at': '{problem} (champ {path}).',
  'http.hostile.plain': '{problem}.',
  'http.hostile.depth': 'structure trop imbriquée (plus de {max} niveaux)',
  'http.hostile.key': 'clé interdite « {key} »',
  'http.hostile.inKey': '{problem} dans un nom de champ',
  'http.hostile.tooLong': 'texte trop long ({length} caractères, {max} au plus)',
  'http.hostile.surrogate': 'caractère invalide (moitié de caractère Unicode isolée, « surrogate »)',
  'http.hostile.control': 'caractère de contrôle interdit (U+{code})',
  'sync.refusal.usageContract': 'Contrat {id} inconnu du serveur : indiquez son clientId dans les lignes.',
  'sync.refusal.unknownUser': 'Utilisateur « {name} » inconnu.',
  // s13 english: src-core's last refusals built in French (numbering, identifiers, e-invoicing reading, VAT, money, dates, usage, drafts, demo)
  'refusal.continuity.invalid': '« {text} » n\'est pas un numéro de document valide.',
  'refusal.continuity.otherSeries': '{number} n\'appartient pas à la série {series}.',
  'refusal.continuity.duplicate': 'Numéro en double : {number}.',
  'refusal.continuity.gap': 'Trou dans la numérotation : {number} manque.',
  'refusal.continuity.gapRange': 'Trou dans la numérotation : {from} à {to} manquent.',
  'refusal.siren.firstEight': 'Début de SIREN invalide : « {text} » (8 chiffres attendus).',
  'refusal.xml.entity': 'XML illisible : entité inconnue {entity}.',
  'refusal.xml.unreadable': 'XML illisible : {why}.',
  'refusal.xml.comment': 'commentaire non fermé',
  'refusal.xml.cdata': 'section CDATA non fermée',
  'refusal.xml.instruction': 'instruction non fermée',
  'refusal.xml.doctype': 'les déclarations de type de document ne sont pas acceptées',
  'refusal.xml.tag': 'balise non fermée',
  'refusal.xml.tagNamed': 'balise <{name}> non fermée',
  'refusal.xml.root': 'un seul élément racine est attendu',
  'refusal.xml.closing': 'balise fermante </{name}> inattendue',
  'refusal.xml.noName': 'nom de balise manquant',
  'refusal.cii.amount': 'Montant illisible dans le XML ({what}) : « {text} ».',
  'refusal.cii.root': 'Ce XML n’est pas une facture CII (racine {root}).',
  'refusal.einvoice.draft': "Un brouillon n'est pas une facture électronique : il n'a pas de numéro.",
  'refusal.platform.numberTooLong': 'Numéro de document trop long pour un identifiant de flux : {number}.',
  'refusal.platform.root': 'Message de cycle de vie illisible : racine {root}.',
  'refusal.platform.incomplete': 'Message de cycle de vie incomplet (document {number}, statut {status}).',
  'refusal.document.noClient': 'Client introuvable pour le document {document}.',
  'refusal.document.font': 'Police « {fonts} » sans équivalent incorporable : le document ne peut pas être archivé en PDF/A.',
  'refusal.vat.rate': 'Taux de TVA invalide : {rate} % (entre 0 et 100 attendu).',
  'refusal.vat.country': 'Pays invalide : « {country} » (code ISO 3166 à deux lettres attendu, par exemple FR, DE, CH).',
  'refusal.settlement.positive': 'Un paiement enregistré est toujours positif.',
  'refusal.money.divisionByZero': 'Division par zéro.',
  'refusal.money.factor': 'Facteur non entier : {numerator}/{denominator}.',
  'refusal.money.rate': 'Taux invalide : {percent} % (deux décimales au plus).',
  'refusal.year.invalid': 'Année invalide : {year} (un entier entre {first} et {last} est attendu).',
  'refusal.instant.invalid': 'Horodatage invalide : « {text} » ({why}).',
  'refusal.instant.format': 'format attendu AAAA-MM-JJTHH:MM:SS+HH:MM',
  'refusal.instant.noDay': 'le {date} n’existe pas dans le calendrier',
  'refusal.instant.hour': 'heure impossible',
  'refusal.instant.offset': 'décalage horaire impossible',
  'refusal.instant.summerGap': 'Heure inexistante à Paris le {date} (passage à l’heure d’été).',
  'refusal.usage.quantity': 'Consommation invalide pour {metric} : {value} (un nombre positif ou nul est attendu).',
  'refusal.usage.beforeStart': 'Consommation de {month} antérieure au début du contrat ({start}).',
  'refusal.priceChange.newPricesFrom': 'Date d’application des nouveaux prix invalide : {date} (un premier jour de mois à partir du {earliest} est attendu, §5.2).',
  'refusal.draft.previousMonth': 'La facture de {month} régularise la consommation de {billed} (mois facturé du contrat), pas celle de « {given} ».',
  'refusal.draft.earlierMonth': 'La facture de {month} ne peut régulariser {usage} qu’au titre d’un mois facturé antérieur à {before}.',
  'refusal.demo.size': 'Taille de portefeuille invalide : {clients} (de 1 à 100 000 clients).',
  'refusal.demo.seed': 'Graine invalide : {seed}.',
  'refusal.demo.date': 'La date du portefeuille ({today}) précède la première grille tarifaire ({first}).',
  // s13 english: the laptop's refusals of a server address, of issuing through the central server, of an overrun's change (src-renderer)
  'sync.url.invalid': 'Adresse invalide : indiquez une adresse complète, par exemple https://contrats.dokos.fr.',
  'sync.url.unencrypted': 'Connexion non chiffrée refusée : l’adresse doit commencer par https:// (http:// n’est admis que pour localhost).',
  'sync.url.credentials': 'L’adresse ne doit pas contenir d’identifiants : le jeton se saisit à part.',
  'central.unavailable': 'Émission par le serveur central impossible : {reason} Rien n’a été émis : réessayez, ou émettez dans la série du poste.',
  'central.unsent': '{count|Un brouillon n’a pas pu être envoyé|# brouillons n’ont pas pu être envoyés} au serveur central (voir l’écran Synchronisation) : rien n’a été émis.',
  'central.refused': 'Le serveur central a refusé l’émission : {reason}',
  'central.noAnswer': 'Le serveur central n’a pas répondu à la demande d’émission ({reason}) : il a peut-être déjà attribué le numéro. Réessayez quand la connexion revient — la même demande est renvoyée, elle ne donne jamais deux numéros.',
  'central.awaitingLocal': 'Émission par le serveur central sans réponse pour {count|ce brouillon|# brouillons} : le serveur lui a peut-être déjà donné un numéro. Réessayez l’émission par le serveur central une fois la connexion revenue (la même demande ne donne jamais deux numéros) ; l’émission dans la série du poste reste bloquée jusque-là.',
  'overrun.noChange': 'Aucun changement de formule à proposer.',
  // s13 english: history lines the data layer wrote in French only (settings, letters, contracts, a client's removal, usage, conflicts, the join)
  'audit.setting.update': '{setting} modifié.',
  'code.setting.sellerProfile': 'Profil vendeur',
  'code.setting.ruleSettings': 'Paramètres des règles',
  'code.setting.envelopeModels': "Modèles d'enveloppe",
  'code.setting.local.personName': 'Nom de la personne (poste autonome)',
  'code.setting.local.issueSeries': 'Série des numéros à l’émission',
  'audit.letter.priceChangeBatch': 'Avis de modification des prix rédigé (envoi groupé du {date}, grille « {list} »).',
  'audit.letter.tierChangeDraft': 'Avis de changement de formule rédigé (contrat {reference}, brouillon).',
  'audit.letter.tierChangeDeleted': 'Avis de changement de formule supprimé (brouillon).',
  'audit.contract.tierChangeUndone': '{reference} — Changement de formule {from} → {to} annulé ; son avis (brouillon) est supprimé.',
  'audit.contract.tierChange': 'Changement de formule {from} → {to} à partir de {month}.',
  'audit.contract.notice': 'Préavis de résiliation reçu le {receivedOn} : résiliation effective le {effective} (§1).',
  'audit.removal.letter': 'Suppression d’un courrier brouillon (client supprimé).',
  'audit.removal.invoice': 'Suppression du brouillon de facture {period} (client supprimé).',
  'audit.removal.usage': 'Suppression des consommations (client supprimé).',
  'audit.removal.contract': 'Suppression du contrat {reference} (client supprimé).',
  'audit.removal.client': 'Suppression du client « {name} » (créé par erreur).',
  'audit.usage.month': 'Consommation de {month} enregistrée pour le contrat {reference}.',
  'audit.sync.conflictResolved': 'Conflit de synchronisation résolu ({kept}) : {entity} {id}.',
  'code.conflictKept.mine': 'version du poste gardée',
  'code.conflictKept.server': 'version du serveur gardée',
  'audit.join.keepLocal': 'Connexion au serveur : version du poste envoyée pour {entity} {id}.',
  'audit.join.keepServer': 'Connexion au serveur : version du serveur gardée pour {entity} {id} (celle du poste écartée).',
  'audit.join.goneOnServer': 'Connexion au serveur : {entity} {id} supprimé sur le serveur, la version du poste est écartée.',
  'rule.tierChange.plan': 'Formule {from} ({current} HT) → {to} ({next} HT) à compter du {date}, soit {difference} HT par mois (§5.1){retroactive}.',
  'rule.tierChange.retroactive': ' ; date antérieure au {today} : changement rétroactif',
  'audit.contract.tierChangePlanned': '{reference} — {rule}',
  'sync.setAside.reasonRequired': 'Indiquez la raison de l’abandon.',
  'platform.printFailed': 'Impression impossible : {reason}',
  'platform.linkRefused': 'Lien externe refusé : {url}',
  'refusal.document.missing': 'Document introuvable.',
  // stored as a termination's rule (letters/contract-effect.ts), read back by messageOfFrench (READ_BACK)
  'rule.termination.nonPaymentReceived': 'Résiliation pour défaut de paiement effective à la réception de la lettre (C. civ. 1225, 1229 ; §6.6) : reçue le {on}.',
  'rule.termination.breachReceived': 'Résiliation pour manquement non résolu effective à la réception de la lettre (C. civ. 1229 ; §6.6) : reçue le {on}.',
  // the receipt's rule (rule.receipt.presumed) inside, lower case and without its full stop, as stored before it had a code
  'rule.termination.nonPaymentPresumed': 'Résiliation pour défaut de paiement effective à la réception de la lettre (C. civ. 1225, 1229 ; §6.6) : réception présumée le {on} (envoi + {days|# jour|# jours}, tant que la date de l’avis de réception n’est pas connue).',
  'rule.termination.breachPresumed': 'Résiliation pour manquement non résolu effective à la réception de la lettre (C. civ. 1229 ; §6.6) : réception présumée le {on} (envoi + {days|# jour|# jours}, tant que la date de l’avis de réception n’est pas connue).',
  'rule.forceMajeure.effectiveSent': '{rule} (envoi le {sent})',
  // the measured metrics, lower case inside a sentence (pricing/usage.ts METRIC_LABELS_FR)
  'code.metric.cpuHours': 'CPU',
  'code.metric.databaseGB': 'base de données',
  'code.metric.storageGB': 'stockage',
} as const;

export type MessageCode = keyof typeof MESSAGES_FR;

/** How a language writes the values of a message. */
export interface MessageFormats {
  template(code: string): string;
  number(n: number): string;
  plural(n: number): 'one' | 'other';
  date(date: IsoDate): string;
  longDate(date: IsoDate): string;
  month(month: YearMonth): string;
  money(cents: Cents): string;
}

/**
 * Fills a template: `{name}` with its value, `{name|one|other}` with the form
 * the number calls for (`#` is the number). A missing value stays visible as
 * `{name}`, so a forgotten parameter shows instead of vanishing.
 */
export function fillTemplate(template: string, params: Record<string, MessageParam>, formats: MessageFormats): string {
  return template
    .replace(/\{(\w+)\|([^|{}]*)\|([^|{}]*)\}/g, (whole, name: string, one: string, other: string) => {
      const value = params[name];
      if (typeof value !== 'number') return whole;
      return (formats.plural(value) === 'one' ? one : other).replaceAll('#', formats.number(value));
    })
    .replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      return value === undefined ? whole : formatParam(value, formats);
    });
}

function formatParam(value: MessageParam, formats: MessageFormats): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formats.number(value);
  if ('date' in value) return formats.date(value.date);
  if ('longDate' in value) return formats.longDate(value.longDate);
  if ('month' in value) return formats.month(value.month);
  if ('cents' in value) return formats.money(value.cents);
  if ('signedCents' in value) return `${value.signedCents > 0 ? '+' : value.signedCents < 0 ? '−' : ''}${formats.money(Math.abs(value.signedCents))}`;
  if ('word' in value) return formats.template(value.word);
  if ('message' in value) return renderMessage(value.message, formats);
  if ('rule' in value) return (typeof value.rule === 'string' ? value.rule : renderMessage(value.rule, formats)).replace(/\.$/, '');
  if ('months' in value) return value.months.map((m) => formats.month(m)).join(', ');
  if ('clauses' in value) return value.clauses.map((m) => renderMessage(m, formats)).join(formats.template('join.clauses'));
  if ('lines' in value) return value.lines.map((m) => renderMessage(m, formats)).join('\n');
  return value.list.map((m) => renderMessage(m, formats)).join(', ');
}

/** A message in the language of `formats`. */
export function renderMessage(message: Message, formats: MessageFormats): string {
  return fillTemplate(formats.template(message.code), message.params ?? {}, formats);
}

/**
 * How French writes the values, built on first use: dates.ts and money.ts
 * refuse bad input with these messages (their imports of this module are a
 * circle), so nothing here may read their exports while the modules load.
 */
let french: MessageFormats | undefined;
function frenchFormats(): MessageFormats {
  french ??= {
    template: (code) => (MESSAGES_FR as Record<string, string>)[code] ?? code,
    number: formatCountFr,
    // French takes the singular below 2 (0 and 1), like `countFr`.
    plural: (n) => (Math.abs(n) < 2 ? 'one' : 'other'),
    date: formatDateFr,
    longDate: formatDateLongFr,
    month: formatMonthFr,
    money: formatEuros,
  };
  return french;
}

/** The French sentence of a message: what documents print and stored texts keep. */
export function messageFr(message: Message): string {
  return renderMessage(message, frenchFormats());
}

/** A DomainError whose message is `said`: French in `message` (documents, the server's reasons), the code for the screens. */
export function refusalError(code: DomainErrorCode, said: Message): DomainError {
  return new DomainError(code, messageFr(said), said);
}

/** Whether `code` is one of src-core's message codes (a word of a field, a code sent by a server). */
export function isMessageCode(code: unknown): code is MessageCode {
  return typeof code === 'string' && Object.hasOwn(MESSAGES_FR, code);
}

/** A message from its code and values. */
export function message(code: MessageCode, params?: Record<string, MessageParam>): Message {
  return params ? { code, params } : { code };
}

/** The French of a message: what a schema gives zod, so the interface finds the code back from it (model/validate.ts). */
export function frenchOf(code: MessageCode, params?: Record<string, MessageParam>): string {
  return messageFr(message(code, params));
}

/** Each French text without values, back to its code: a stored French rule said again in the interface's language. */
let codeOfText: Map<string, MessageCode> | undefined;

/**
 * Stored rules with values that are read back too: their placeholders are a
 * rule of src-core (`{rule}`, read back in turn) or dates written dd/mm/yyyy.
 */
const READ_BACK: readonly MessageCode[] = [
  'rule.priceChange.objectionStored',
  'rule.termination.nonPaymentReceived',
  'rule.termination.breachReceived',
  'rule.termination.nonPaymentPresumed',
  'rule.termination.breachPresumed',
  'rule.forceMajeure.effectiveSent',
];
let readBack: { code: MessageCode; pattern: RegExp; names: string[] }[] | undefined;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The message whose French is exactly `text` (a text without values, or a stored rule of READ_BACK, as stored), or undefined. */
export function messageOfFrench(text: string): Message | undefined {
  codeOfText ??= new Map((Object.entries(MESSAGES_FR) as [MessageCode, string][]).filter(([, t]) => !t.includes('{')).map(([code, t]) => [t, code]));
  const code = codeOfText.get(text);
  if (code) return { code };
  readBack ??= READ_BACK.map((c) => {
    const names: string[] = [];
    // A value is a nested rule, a count written with its forms ("{days|# jour|# jours}") or a date.
    const parts = MESSAGES_FR[c].split(/\{(\w+)((?:\|[^|}]*)*)\}/);
    let source = '';
    for (let i = 0; i < parts.length; i += 3) {
      source += escapeRegExp(parts[i]!);
      const name = parts[i + 1];
      if (name === undefined) break;
      const forms = parts[i + 2]!.split('|').slice(1);
      names.push(forms.length > 0 ? `#${name}` : name);
      source += name === 'rule' ? '(.+?)' : forms.length > 0 ? `(\\d+)(?:${forms.map((f) => escapeRegExp(f.replace('#', ''))).join('|')})` : '(\\d{2}/\\d{2}/\\d{4})';
    }
    return { code: c, pattern: new RegExp(`^${source}$`), names };
  });
  for (const { code: c, pattern, names } of readBack) {
    const found = pattern.exec(text);
    if (!found) continue;
    const params: Record<string, MessageParam> = {};
    for (const [i, name] of names.entries()) {
      const value = found[i + 1]!;
      if (name === 'rule') {
        const rule = messageOfFrench(value);
        if (!rule) return undefined;
        params[name] = { message: rule };
      } else if (name.startsWith('#')) params[name.slice(1)] = Number(value);
      else params[name] = { date: value.split('/').reverse().join('-') };
    }
    return { code: c, params };
  }
  return undefined;
}

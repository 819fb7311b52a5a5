import { useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { parseEntity, sellerProfileSchema, type SellerProfile } from '../../../src-core';
import { currentActor } from '../../components/actor';
import { TextField } from '../../components/FormField';
import { errorsByField, issuesOf, useForm } from '../../components/useForm';
import { useCommands } from '../../data';
import { useSayError, useT, type MessageKey } from '../../i18n';
import { useLeaveGuard } from '../../components/useLeaveGuard';

/** The profile's text fields, in form order; the address is one line per line of a text area. */
const FIELDS = [
  'legalName', 'legalForm', 'capital', 'address', 'postalCode', 'city', 'country', 'siren', 'rcs', 'vatNumber',
  'email', 'phone', 'iban', 'letterPlace', 'signatoryName', 'signatoryTitle',
] as const;
type Field = (typeof FIELDS)[number];
type Values = Record<Field, string>;

/** Largest logo accepted: it is embedded in every PDF. */
const MAX_LOGO_BYTES = 300_000;

function toValues(p: SellerProfile): Values {
  const { addressLines, logoDataUrl: _logo, vatOnDebits: _debits, ...rest } = p;
  return { ...rest, address: addressLines.join('\n') };
}

function toProfile(v: Values, logoDataUrl: string | undefined): SellerProfile {
  const { address, ...rest } = v;
  return { ...rest, addressLines: address.split('\n').map((l) => l.trim()).filter(Boolean), ...(logoDataUrl ? { logoDataUrl } : {}) };
}

const validate = (v: Values) => errorsByField<Field>(issuesOf(() => parseEntity(sellerProfileSchema, toProfile(v, undefined), 'Profil vendeur')), (path) => {
  const head = path.split('.')[0];
  return head === 'addressLines' ? 'address' : (FIELDS as readonly string[]).includes(head ?? '') ? (head as Field) : undefined;
});

/**
 * The seller's legal identity printed on every invoice and letter (DOMAIN.md:
 * a settings profile, never hard-coded), validated by src-core's schema field
 * by field; the logo is kept as a data URL so documents need no file access.
 */
export function SellerProfileForm({ profile }: { profile: SellerProfile }) {
  const sayError = useSayError();
  const t = useT();
  const commands = useCommands();
  const formRef = useRef<HTMLFormElement>(null);
  const form = useForm<Values>(toValues(profile), validate);
  const [logo, setLogo] = useState(profile.logoDataUrl);
  const [logoError, setLogoError] = useState<string | undefined>();
  // VAT on debits is an option the seller takes (off by default: services pay VAT on receipts).
  const [vatOnDebits, setVatOnDebits] = useState(profile.vatOnDebits ?? false);
  const [feedback, setFeedback] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const leave = useLeaveGuard(form.dirty || logo !== profile.logoDataUrl || vatOnDebits !== (profile.vatOnDebits ?? false));

  const pickLogo = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    setLogoError(undefined);
    if (!file) return;
    if (!/^image\/(png|jpeg)$/.test(file.type)) return setLogoError(t('settings.seller.logoType'));
    if (file.size > MAX_LOGO_BYTES) return setLogoError(t('settings.seller.logoSize'));
    const reader = new FileReader();
    reader.onload = () => setLogo(String(reader.result));
    reader.readAsDataURL(file);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFeedback(null);
    if (!form.trySubmit(formRef.current)) return;
    try {
      await commands.settings.set('sellerProfile', { ...toProfile(form.values, logo), ...(vatOnDebits ? { vatOnDebits } : {}) }, currentActor());
      setFeedback({ tone: 'success', text: t('settings.saved') });
    } catch (err) {
      setFeedback({ tone: 'error', text: sayError(err) });
    }
  };

  return (
    <form ref={formRef} className="form settings-form" aria-labelledby="seller-title" onSubmit={(e) => void submit(e)} noValidate>
      <h2 id="seller-title">{t('settings.seller.title')}</h2>
      <p className="muted">{t('settings.seller.body')}</p>
      <div className="form-grid">
        {FIELDS.map((field) =>
          field === 'address' ? (
            <AddressField key={field} label={t('settings.seller.address')} {...form.bind(field)} />
          ) : (
            <TextField key={field} label={t(`settings.seller.${field}` as MessageKey)} {...form.bind(field)} />
          ),
        )}
      </div>
      <div className="field">
        <label htmlFor="seller-logo">{t('settings.seller.logo')}</label>
        <input id="seller-logo" type="file" accept="image/png,image/jpeg" onChange={pickLogo} aria-describedby={logoError ? 'seller-logo-error' : undefined} />
        {logoError ? <span className="field-error" id="seller-logo-error">{logoError}</span> : null}
        {logo ? (
          <div className="logo-preview">
            <img src={logo} alt={t('settings.seller.logoAlt')} />
            <button type="button" className="button" onClick={() => setLogo(undefined)}>{t('settings.seller.logoRemove')}</button>
          </div>
        ) : null}
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={vatOnDebits} onChange={(e) => setVatOnDebits(e.target.checked)} />
        {t('settings.seller.vatOnDebits')}
      </label>
      {feedback ? <p className={`alert ${feedback.tone}`} role={feedback.tone === 'error' ? 'alert' : 'status'}>{feedback.text}</p> : null}
      <div><button type="submit" className="button primary">{t('settings.save')}</button></div>
      {leave.dialog}
    </form>
  );
}

function AddressField({ label, error, name, value, onChange, onBlur }: { label: string; error: string | undefined; name: string; value: string; onChange: (e: { target: { value: string } }) => void; onBlur: () => void }) {
  return (
    <div className="field" data-invalid={error ? 'true' : undefined}>
      <label htmlFor="seller-address">{label}</label>
      <textarea id="seller-address" name={name} rows={3} value={value} onChange={onChange} onBlur={onBlur} aria-invalid={error ? true : undefined} aria-describedby={error ? 'seller-address-error' : undefined} />
      {error ? <span className="field-error" id="seller-address-error">{error}</span> : null}
    </div>
  );
}

import { useEffect, useMemo, useState } from 'react';
import { TIER_CODES, CONTRACT_STATUSES, type IsoDate, type PriceLists, type YearMonth } from '../../../src-core';
import { lastMeasuredMonth, usePortfolio, usePortfolioHead, usePriceLists, type ClientSummary } from '../../data';
import { useT, useFormat } from '../../i18n';
import { PageHeader } from '../../components/PageHeader';
import { href, navigate, previousLocation, useLocation } from '../../components/router';
import { ContractStatusBadge } from '../../components/ContractStatusBadge';
import { SelectField, TextField } from '../../components/FormField';
import { VirtualGrid, type GridColumn } from '../../components/VirtualGrid';
import { parisToday } from '../../components/today';
import { buildClientRows, filtersFromQuery, filtersToQuery, narrowingFilter, NO_PARTNER, noFilters, partnersOf, sortRows, type ClientFilters, type ClientRow, type ClientSortColumn } from './client-rows';
import { useClientListState } from './list-state';

interface PortfolioRows {
  rows: ClientRow[];
  overMonth: YearMonth | null;
}

/**
 * Rows are rebuilt when stored data changes, never per keystroke; overruns are those of the portfolio's last measured month.
 * On the list's first screen (no search, filter or other sort), the first rows come from the read model's small
 * first-screen document (`first`), and every summary is read once they are painted (`all`); otherwise every summary at once.
 */
function usePortfolioRows(firstScreen: boolean): { all: PortfolioRows | undefined; first: PortfolioRows | undefined } {
  const today = parisToday();
  const lists = usePriceLists();
  const [painted, setPainted] = useState(false);
  // Kept until every summary is in (a small document): the first rows stay on screen meanwhile, not an empty list.
  const head = usePortfolioHead(firstScreen);
  const summaries = usePortfolio(!firstScreen || painted || head === null);
  const headShown = head !== undefined && head !== null && lists !== undefined;
  useEffect(() => {
    if (!headShown) return;
    // After the frame that shows the first rows: the rest is read then.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => setPainted(true), 0)));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [headShown]);
  // The client page's code (charts) is fetched once every row is in, before the first click.
  const loaded = summaries !== undefined;
  useEffect(() => {
    if (loaded) void import('./ClientPage');
  }, [loaded]);
  const all = useMemo(() => rowsOf(summaries, today, lists, (s) => lastMeasuredMonth(s)), [summaries, today, lists]);
  const first = useMemo(() => (head ? rowsOf(head.rows, today, lists, () => head.lastMeasured) : undefined), [head, today, lists]);
  return { all, first: firstScreen ? first : undefined };
}

function rowsOf(summaries: ClientSummary[] | undefined, today: IsoDate, lists: PriceLists | undefined, overMonthOf: (s: ClientSummary[]) => YearMonth | null): PortfolioRows | undefined {
  if (!summaries || !lists) return undefined;
  const overMonth = overMonthOf(summaries);
  return { rows: buildClientRows(summaries, today, overMonth, lists), overMonth };
}

export function ClientList() {
  const fmt = useFormat();
  const t = useT();
  const { query } = useLocation();
  const filters = filtersFromQuery(query);
  const { search, sort, activeIndex, setSearch, toggleSort, setActiveIndex } = useClientListState();
  const firstScreen = search === '' && sort.column === 'legalName' && sort.direction === 'asc' && noFilters(filters);
  const { all, first } = usePortfolioRows(firstScreen);
  const rows = all?.rows;
  const overMonth = (all ?? first)?.overMonth ?? null;
  const sorted = useMemo(() => (rows ? sortRows(rows, sort.column as ClientSortColumn, sort.direction) : []), [rows, sort]);
  // Each keystroke filters the list at once (a letter more narrows the rows the last search kept).
  const [filter] = useState(narrowingFilter);
  const filterKey = JSON.stringify(filters);
  const visible = useMemo(() => (rows ? filter(sorted, JSON.parse(filterKey) as ClientFilters, search) : (first?.rows ?? [])), [rows, first, filter, sorted, filterKey, search]);
  const partners = useMemo(() => partnersOf(rows ?? []), [rows]);
  const unpriced = useMemo(() => (rows ?? []).flatMap((r) => r.unpriced), [rows]);

  const setFilter = (patch: Partial<ClientFilters>) => {
    setActiveIndex(0);
    navigate('/clients', filtersToQuery({ ...filters, ...patch }));
  };
  const open = (row: ClientRow) => navigate(`/clients/${encodeURIComponent(row.id)}`);
  // Back from a client's page or form ("Retour à la liste"), the focus returns to that client's row.
  const [returnTo] = useState(() => {
    const from = previousLocation();
    return from?.segments[0] === 'clients' ? (from.segments[1] ?? null) : null;
  });

  const columns: GridColumn<ClientRow>[] = [
    {
      id: 'legalName', header: t('clients.col.name'), width: 'minmax(160px, 2.2fr)', sortable: true,
      cell: (r) => <a href={href(`/clients/${encodeURIComponent(r.id)}`)} tabIndex={-1}>{r.legalName}</a>,
    },
    // Nine digits never cut at 1366 px: the name, truncated anyway, gives up the width.
    { id: 'siren', header: t('clients.col.siren'), width: '118px', sortable: true, cell: (r) => <span className="siren">{r.siren}</span> },
    { id: 'city', header: t('clients.col.city'), width: 'minmax(100px, 1fr)', sortable: true, cell: (r) => r.city },
    { id: 'contactName', header: t('clients.col.contact'), width: 'minmax(110px, 1.2fr)', sortable: true, cell: (r) => r.contactName },
    { id: 'tiers', header: t('clients.col.tier'), width: '95px', sortable: true, cell: (r) => r.tiers.join(', ') },
    { id: 'status', header: t('clients.col.status'), width: '140px', sortable: true, cell: (r) => (r.status ? <ContractStatusBadge status={r.status} /> : '—') },
    { id: 'hostingMode', header: t('clients.col.mode'), width: '125px', sortable: true, cell: (r) => t(r.hostingMode === 'cloud' ? 'clients.mode.cloud' : 'clients.mode.self_hosted') },
    { id: 'partner', header: t('clients.col.partner'), width: 'minmax(100px, 1fr)', sortable: true, cell: (r) => r.partner ?? '' },
    { id: 'over', header: t('clients.col.over'), width: '125px', sortable: true, cell: (r) => (r.over ? <span className="badge danger">{t('clients.over.yes')}</span> : '') },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.clients')}
        actions={
          <>
            <a className="button" href={href('/clients/import')}>{t('clients.importCsv')}</a>
            <a className="button primary" href={href('/clients/nouveau')}>{t('clients.new')}</a>
          </>
        }
      />
      <div className="list-toolbar" role="search" aria-label={t('clients.searchRegion')}>
        <div className="search-field">
          <TextField label={t('clients.search')} type="search" value={search} placeholder={t('clients.searchPlaceholder')} onChange={(e) => setSearch(e.target.value)} />
        </div>
        <SelectField label={t('clients.col.tier')} value={filters.tier} onChange={(e) => setFilter({ tier: e.target.value as ClientFilters['tier'] })}>
          <option value="">{t('clients.filter.all')}</option>
          {TIER_CODES.map((tier) => <option key={tier} value={tier}>{tier}</option>)}
        </SelectField>
        <SelectField label={t('clients.col.status')} value={filters.status} onChange={(e) => setFilter({ status: e.target.value as ClientFilters['status'] })}>
          <option value="">{t('clients.filter.all')}</option>
          {CONTRACT_STATUSES.map((s) => <option key={s} value={s}>{t(`code.contractStatus.${s}`)}</option>)}
        </SelectField>
        <SelectField label={t('clients.col.mode')} value={filters.mode} onChange={(e) => setFilter({ mode: e.target.value as ClientFilters['mode'] })}>
          <option value="">{t('clients.filter.all')}</option>
          <option value="cloud">{t('clients.mode.cloud')}</option>
          <option value="self_hosted">{t('clients.mode.self_hosted')}</option>
        </SelectField>
        <SelectField label={t('clients.col.partner')} value={filters.partner} onChange={(e) => setFilter({ partner: e.target.value })}>
          <option value="">{t('clients.filter.all')}</option>
          <option value={NO_PARTNER}>{t('clients.filter.noPartner')}</option>
          {partners.map((p) => <option key={p} value={p}>{p}</option>)}
        </SelectField>
        <label className="checkbox-field">
          <input type="checkbox" checked={filters.over} onChange={(e) => setFilter({ over: e.target.checked })} />
          {overMonth ? t('life.filter.overIn', { month: fmt.month(overMonth) }) : t('clients.filter.over')}
        </label>
        <label className="checkbox-field">
          <input type="checkbox" checked={filters.archived} onChange={(e) => setFilter({ archived: e.target.checked })} />
          {t('clients.filter.archived')}
        </label>
      </div>
      {unpriced.length > 0 ? (
        <p className="alert warning" role="note" data-testid="unpriced">{t('prices.unpriced.list', { count: unpriced.length, lists: [...new Set(unpriced)].sort().join(', ') })}</p>
      ) : null}
      {query.get('supprime') ? <p className="alert success" role="status">{t('clients.housekeeping.deleted', { name: query.get('supprime') ?? '' })}</p> : null}
      <p className="result-count" role="status" aria-live="polite">
        {rows ? t('clients.count', { shown: visible.length, total: rows.length }) : t('clients.loading')}
      </p>
      <VirtualGrid
        label={t('clients.gridLabel')}
        rows={visible}
        columns={columns}
        rowKey={(r) => r.id}
        activeIndex={activeIndex}
        onActiveIndexChange={setActiveIndex}
        onOpen={open}
        sort={sort}
        onSort={toggleSort}
        sortLabel={(header) => t('clients.sortBy', { column: header })}
        emptyMessage={rows ? t('clients.noMatch') : t('clients.loading')}
        returnTo={returnTo}
      />
      <p className="hint">{t('clients.keyboardHint')}</p>
    </>
  );
}

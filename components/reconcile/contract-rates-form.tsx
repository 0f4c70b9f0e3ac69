import { useEffect, useState } from 'react';
import type { LocalizedText } from '../../lib/i18n';
import { translate } from '../../lib/i18n';
import type { ContractRates } from '../../lib/reconcile/contract-rates';
import { getContractRates, saveContractRates } from '../../lib/reconcile/contract-rates-item';
import { useLocale } from '../locale';

function percentOf(text: string): number | null | 'invalid' {
  if (text.trim() === '') return null;
  const value = Number(text.replace(',', '.'));
  return Number.isFinite(value) && value >= 0 && value <= 100 ? value : 'invalid';
}

/** Reads "PREFIX=8" lines; the first bad line is named in the error. */
export function parsePrefixLines(text: string): ContractRates['commissionBySkuPrefix'] | { invalid: string } {
  const entries: ContractRates['commissionBySkuPrefix'] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    const match = /^([^=]+)=\s*([\d.,]+)\s*%?$/.exec(line);
    const percent = match ? percentOf(match[2] as string) : 'invalid';
    if (!match || percent === null || percent === 'invalid') return { invalid: line };
    entries.push({ prefix: (match[1] as string).trim(), percent });
  }
  return entries;
}

/** The contract's fee rates, which the fee claims are computed from. */
export function ContractRatesForm({ onSaved }: { onSaved: () => void }) {
  const { t, locale } = useLocale();
  const [commission, setCommission] = useState('');
  const [payment, setPayment] = useState('');
  const [prefixes, setPrefixes] = useState('');
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: LocalizedText } | null>(null);
  useEffect(() => {
    void getContractRates().then((rates) => {
      setCommission(rates.commissionPercent?.toString() ?? '');
      setPayment(rates.paymentPercent?.toString() ?? '');
      setPrefixes(rates.commissionBySkuPrefix.map((entry) => `${entry.prefix}=${entry.percent}`).join('\n'));
    });
  }, []);

  const save = async () => {
    const commissionPercent = percentOf(commission);
    const paymentPercent = percentOf(payment);
    const bySku = parsePrefixLines(prefixes);
    if (commissionPercent === 'invalid' || paymentPercent === 'invalid')
      return setMessage({ kind: 'error', text: { key: 'reconcile.rates.invalidPercent' } });
    if ('invalid' in bySku)
      return setMessage({
        kind: 'error',
        text: { key: 'reconcile.rates.invalid', params: { line: bySku.invalid } },
      });
    await saveContractRates({ commissionPercent, paymentPercent, commissionBySkuPrefix: bySku });
    setMessage({ kind: 'success', text: { key: 'reconcile.rates.saved' } });
    onSaved();
  };

  return (
    <details className="reconcile-rates">
      <summary>{t('reconcile.rates.title')}</summary>
      <p className="hint">{t('reconcile.rates.hint')}</p>
      <div className="field-row">
        <div className="field">
          <label htmlFor="reconcile-commission">{t('reconcile.rates.commission')}</label>
          <input
            id="reconcile-commission"
            inputMode="decimal"
            value={commission}
            onChange={(event) => setCommission(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="reconcile-payment">{t('reconcile.rates.payment')}</label>
          <input
            id="reconcile-payment"
            inputMode="decimal"
            value={payment}
            onChange={(event) => setPayment(event.target.value)}
          />
        </div>
      </div>
      <div className="field">
        <label htmlFor="reconcile-prefixes">{t('reconcile.rates.prefixes')}</label>
        <textarea
          id="reconcile-prefixes"
          rows={4}
          value={prefixes}
          onChange={(event) => setPrefixes(event.target.value)}
        />
      </div>
      <button type="button" onClick={() => void save()}>
        {t('reconcile.rates.save')}
      </button>
      {message && (
        <div className={`notice notice-${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          {translate(locale, message.text)}
        </div>
      )}
    </details>
  );
}

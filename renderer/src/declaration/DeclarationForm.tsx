import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationClient } from '../../../shared/contract/client';
import type { Problem } from '../../../shared/codes/problems';
import { symptomSchema } from '../../../shared/codes/schemas';
import { CommandErrorBanner } from '../shell/CommandError';
import { useCommand } from '../shell/use-command';
import { manualLaneId } from './manual-lane';
import { useProblemText } from './problem-text';


const emptyForm = {
  idNumber: '',
  fullName: '',
  birthDate: '',
  sex: '',
  phone: '',
  province: '',
  district: '',
  addressDetail: '',
  travelFrom: '',
  travelTo: '',
  vehiclePlate: '',
  symptoms: [] as string[],
  symptomNotes: '',
  contact: 'no',
  vaccinationDoses: '0',
};
type FormValues = typeof emptyForm;

/** The form's inputs in the shape the core validates (declarationFormSchema). */
function toDeclaration(values: FormValues) {
  return {
    idNumber: values.idNumber,
    fullName: values.fullName,
    birthDate: values.birthDate,
    sex: values.sex === '' ? undefined : values.sex,
    phone: values.phone,
    address: { province: values.province, district: values.district, detail: values.addressDetail },
    travel: { from: values.travelFrom, to: values.travelTo },
    vehiclePlate: values.vehiclePlate,
    health: { symptoms: values.symptoms, symptomNotes: values.symptomNotes, contactWithConfirmedCase: values.contact === 'yes', vaccinationDoses: Number(values.vaccinationDoses) },
  };
}

type FieldControlProps = { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string };

/** One labelled input with its problems tied to it for screen readers. Outside the form so inputs keep focus across renders. */
function Field({ field, label, problems, children }: { field: string; label: string; problems: Problem[]; children: (props: FieldControlProps) => ReactNode }) {
  const problemText = useProblemText();
  const own = problems.filter((problem) => problem.field === field);
  const id = `declaration-${field}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': own.length > 0, ...(own.length > 0 ? { 'aria-describedby': `${id}-problems` } : {}) })}
      {own.length > 0 && (
        <ul className="field-problems" id={`${id}-problems`} data-testid={`problem-${field}`}>
          {own.map((problem) => (
            <li key={problem.code}>{problemText(problem)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * The paper declaration of a citizen without a smartphone, typed by the officer: keyboard first (Tab
 * order follows the paper form, Enter submits), each problem shown next to its field in the screen's
 * language; a clean form goes through the same verdict pipeline as a scan.
 */
export function DeclarationForm({ client }: { client: StationClient }) {
  const { t, i18n } = useTranslation();
  const problemText = useProblemText();
  const [values, setValues] = useState(emptyForm);
  const [problems, setProblems] = useState<Problem[]>([]);
  const submit = useCommand(client, 'submitDeclaration');
  const firstField = useRef<HTMLInputElement>(null);

  const set = (name: keyof FormValues) => (event: { target: { value: string } }) => setValues((previous) => ({ ...previous, [name]: event.target.value }));
  const unplaced = problems.filter((problem) => problem.field === undefined);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const outcome = await submit.run({ laneId: manualLaneId, form: toDeclaration(values), locale: i18n.language === 'en' ? 'en' : 'vi' });
    if (outcome === null) return;
    if (outcome.accepted) {
      setProblems([]);
      setValues(emptyForm);
      firstField.current?.focus();
    } else {
      setProblems(outcome.problems);
      const firstBad = outcome.problems.find((problem) => problem.field !== undefined)?.field;
      if (firstBad !== undefined) document.getElementById(`declaration-${firstBad}`)?.focus();
    }
  }

  const label = (field: string) => t(field, { ns: 'fields', keySeparator: false });

  return (
    <form className="card declaration-form" onSubmit={(event) => void onSubmit(event)} noValidate aria-labelledby="declaration-heading" data-testid="declaration-form">
      <h2 id="declaration-heading">{t('declaration.heading')}</h2>
      <p className="muted">{t('declaration.hint')}</p>
      {unplaced.length > 0 && (
        <ul className="banner banner-error" role="alert">
          {unplaced.map((problem) => (
            <li key={problem.code}>{problemText(problem)}</li>
          ))}
        </ul>
      )}
      <fieldset>
        <legend>{t('declaration.person')}</legend>
        <Field field="idNumber" problems={problems} label={label('idNumber')}>
          {(props) => <input {...props} ref={firstField} autoFocus inputMode="numeric" value={values.idNumber} onChange={set('idNumber')} />}
        </Field>
        <Field field="fullName" problems={problems} label={label('fullName')}>
          {(props) => <input {...props} autoComplete="off" value={values.fullName} onChange={set('fullName')} />}
        </Field>
        <Field field="birthDate" problems={problems} label={`${label('birthDate')} (${t('declaration.dateFormat')})`}>
          {(props) => <input {...props} placeholder="dd/mm/yyyy" value={values.birthDate} onChange={set('birthDate')} />}
        </Field>
        <Field field="sex" problems={problems} label={label('sex')}>
          {(props) => (
            <select {...props} value={values.sex} onChange={set('sex')}>
              <option value="">{t('declaration.choose')}</option>
              <option value="male">{t('declaration.male')}</option>
              <option value="female">{t('declaration.female')}</option>
            </select>
          )}
        </Field>
        <Field field="phone" problems={problems} label={label('phone')}>
          {(props) => <input {...props} type="tel" value={values.phone} onChange={set('phone')} />}
        </Field>
      </fieldset>
      <fieldset>
        <legend>{t('declaration.addressAndTravel')}</legend>
        <Field field="address.province" problems={problems} label={label('address.province')}>
          {(props) => <input {...props} value={values.province} onChange={set('province')} />}
        </Field>
        <Field field="address.district" problems={problems} label={label('address.district')}>
          {(props) => <input {...props} value={values.district} onChange={set('district')} />}
        </Field>
        <Field field="address.detail" problems={problems} label={label('address.detail')}>
          {(props) => <input {...props} value={values.addressDetail} onChange={set('addressDetail')} />}
        </Field>
        <Field field="travel.from" problems={problems} label={label('travel.from')}>
          {(props) => <input {...props} value={values.travelFrom} onChange={set('travelFrom')} />}
        </Field>
        <Field field="travel.to" problems={problems} label={label('travel.to')}>
          {(props) => <input {...props} value={values.travelTo} onChange={set('travelTo')} />}
        </Field>
        <Field field="vehiclePlate" problems={problems} label={label('vehiclePlate')}>
          {(props) => <input {...props} placeholder="29A-123.45" value={values.vehiclePlate} onChange={set('vehiclePlate')} />}
        </Field>
      </fieldset>
      <fieldset>
        <legend>{t('declaration.health')}</legend>
        <div className="field">
          <span id="declaration-symptoms-label">{label('health.symptoms')}</span>
          <div className="checkbox-row" role="group" aria-labelledby="declaration-symptoms-label">
            {symptomSchema.options.map((symptom) => (
              <label key={symptom}>
                <input
                  type="checkbox"
                  checked={values.symptoms.includes(symptom)}
                  onChange={(event) =>
                    setValues((previous) => ({
                      ...previous,
                      symptoms: event.target.checked ? [...previous.symptoms, symptom] : previous.symptoms.filter((item) => item !== symptom),
                    }))
                  }
                />{' '}
                {t(`declaration.symptoms.${symptom}`)}
              </label>
            ))}
          </div>
        </div>
        <Field field="health.symptomNotes" problems={problems} label={label('health.symptomNotes')}>
          {(props) => <input {...props} value={values.symptomNotes} onChange={set('symptomNotes')} />}
        </Field>
        <Field field="health.contactWithConfirmedCase" problems={problems} label={label('health.contactWithConfirmedCase')}>
          {(props) => (
            <select {...props} value={values.contact} onChange={set('contact')}>
              <option value="no">{t('declaration.no')}</option>
              <option value="yes">{t('declaration.yes')}</option>
            </select>
          )}
        </Field>
        <Field field="health.vaccinationDoses" problems={problems} label={label('health.vaccinationDoses')}>
          {(props) => <input {...props} type="number" min={0} max={10} value={values.vaccinationDoses} onChange={set('vaccinationDoses')} />}
        </Field>
      </fieldset>
      <button type="submit" className="primary" disabled={submit.state.kind === 'running'} data-testid="declaration-submit">
        {t('declaration.submit')}
      </button>
      {submit.state.kind === 'failed' && <CommandErrorBanner error={submit.state.error} />}
      {submit.state.kind === 'done' && submit.state.value.accepted && (
        <p role="status" data-testid="declaration-accepted">
          {t('declaration.accepted')}
        </p>
      )}
    </form>
  );
}

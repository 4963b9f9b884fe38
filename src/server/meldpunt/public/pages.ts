import { nl } from '../../../text/nl.ts';
import type { TQuestion } from '../../../domain/meldpunt.ts';
import type { FieldError } from '../../../domain/errors.ts';
import { escapeHtml as e } from '../../documents/html.ts';
import { BASE, layout, notFoundPage } from '../../public-site/pages.ts';
import type { PublicOrganisation } from '../../public-site/queries.ts';
import type { Category } from '../repository.ts';
import type { CodeView, Meldcode } from './meldcode.ts';
import { HONEYPOT } from './abuse.ts';
import { meldenStyleSheet, MELDEN_STYLE_DIR } from './style-sheet.ts';

/*
 * The public meldformulier's pages as plain HTML (issue 13): the public site's frame and house style, NL Design System
 * (Utrecht) form classes, no script and no style attribute; it works without JavaScript. Three steps, each with
 * "Stap X van 3" in its title and heading; an error summary above the form takes focus and links to each field; what
 * was typed comes back after an error (files excepted: the page says so).
 */

const T = nl.meldpuntPublic;
const STEPS = 3;

export const meldenPath = (org: PublicOrganisation) => `${BASE}/${org.address}/melden`;

/** What the form carries from step to step: the answers, the contact details, the choices, and its hidden keys. */
export interface FormState {
  answers: Record<string, string>;
  name: string;
  email: string;
  phone: string;
  consent: boolean;
  wantsMeldcode: boolean;
  submissionKey: string;
  fillToken: string;
}

const p = (text: string, cls = '') => `<p class="utrecht-paragraph${cls ? ` ${cls}` : ''}">${e(text)}</p>`;
const h = (level: 1 | 2, text: string, id?: string) => `<h${level} class="utrecht-heading-${level}"${id ? ` id="${id}"` : ''}>${e(text)}</h${level}>`;
const link = (href: string, text: string) => `<a class="utrecht-link utrecht-link--html-a" href="${e(href)}">${e(text)}</a>`;
const hidden = (name: string, value: string) => `<input type="hidden" name="${e(name)}" value="${e(value)}">`;
const button = (text: string, name?: string, secondary = false) =>
  `<button type="submit" class="utrecht-button ${secondary ? 'utrecht-button--secondary-action' : 'utrecht-button--primary-action'}"${name ? ` name="${name}" value="1"` : ''}>${e(text)}</button>`;

/** The error summary: focused on load, a link to each failing field. */
function errorSummary(errors: FieldError[], labels: Record<string, string>): string {
  if (!errors.length) return '';
  const items = errors.map((x) => `<li class="utrecht-unordered-list__item"><a class="utrecht-link utrecht-link--html-a" href="#${e(x.path)}">${e(labels[x.path] ? `${labels[x.path]}: ${x.message}` : x.message)}</a></li>`);
  return `<div class="utrecht-alert utrecht-alert--error regie-melden-errors" role="group" aria-labelledby="fouten">
<h2 class="utrecht-heading-2" id="fouten" tabindex="-1" autofocus>${e(T.errorSummary)}</h2>
<ul class="utrecht-unordered-list">${items.join('')}</ul></div>`;
}

/** A labelled field with its hint and its error. */
function field(id: string, label: string, control: (describedBy: string, invalid: boolean) => string, o: { hint?: string; error?: string; required?: boolean } = {}) {
  const described = [o.hint ? `${id}-hint` : '', o.error ? `${id}-fout` : ''].filter(Boolean).join(' ');
  return `<div class="utrecht-form-field utrecht-form-field--text${o.error ? ' utrecht-form-field--invalid' : ''}">
<div class="utrecht-form-field__label"><label class="utrecht-form-label" for="${id}">${e(label)}${o.required ? '' : ` <span class="regie-melden-optional">${e(T.optional)}</span>`}</label></div>
${o.hint ? `<div class="utrecht-form-field-description" id="${id}-hint">${e(o.hint)}</div>` : ''}
${o.error ? `<div class="utrecht-form-field-error-message" id="${id}-fout">${e(o.error)}</div>` : ''}
<div class="utrecht-form-field__input">${control(described, !!o.error)}</div></div>`;
}
const aria = (described: string, invalid: boolean) => `${described ? ` aria-describedby="${described}"` : ''}${invalid ? ' aria-invalid="true"' : ''}`;
const textbox = (id: string, value: string, o: { type?: string; autocomplete?: string; max?: number; required?: boolean } = {}) =>
  (d: string, inv: boolean) => `<input class="utrecht-textbox utrecht-textbox--html-input${inv ? ' utrecht-textbox--invalid' : ''}" id="${id}" name="${id}" type="${o.type ?? 'text'}" value="${e(value)}"${o.max ? ` maxlength="${o.max}"` : ''} autocomplete="${o.autocomplete ?? 'off'}"${o.required ? ' required' : ''}${aria(d, inv)}>`;
const textarea = (id: string, value: string, required: boolean) =>
  (d: string, inv: boolean) => `<textarea class="utrecht-textarea utrecht-textarea--html-textarea${inv ? ' utrecht-textarea--invalid' : ''}" id="${id}" name="${id}" rows="6" maxlength="5000"${required ? ' required' : ''}${aria(d, inv)}>${e(value)}</textarea>`;
const checkbox = (id: string, label: string, checked: boolean, hint?: string) =>
  `<div class="utrecht-form-field utrecht-form-field--checkbox"><div class="utrecht-form-field__input"><input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id="${id}" name="${id}" value="ja"${checked ? ' checked' : ''}${hint ? ` aria-describedby="${id}-hint"` : ''}></div>
<div class="utrecht-form-field__label"><label class="utrecht-form-label utrecht-form-label--checkbox" for="${id}">${e(label)}</label></div>${hint ? `<div class="utrecht-form-field-description" id="${id}-hint">${e(hint)}</div>` : ''}</div>`;

/** One question of a category as a field. */
function question(q: TQuestion, value: string, error?: string): string {
  const id = `q_${q.key}`;
  if (q.kind === 'choice') {
    const options = (q.options ?? []).map((o, i) => `<div class="utrecht-form-field utrecht-form-field--radio"><div class="utrecht-form-field__input"><input class="utrecht-radio-button utrecht-radio-button--html-input" type="radio" id="${i === 0 ? id : `${id}-${i}`}" name="${id}" value="${e(o)}"${o === value ? ' checked' : ''}></div>
<div class="utrecht-form-field__label"><label class="utrecht-form-label utrecht-form-label--radio" for="${i === 0 ? id : `${id}-${i}`}">${e(o)}</label></div></div>`).join('');
    return `<fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset regie-melden-choice"${error ? ` aria-describedby="${id}-fout"` : ''}>
<legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">${e(q.label)}${q.required ? '' : ` <span class="regie-melden-optional">${e(T.optional)}</span>`}</legend>
${error ? `<div class="utrecht-form-field-error-message" id="${id}-fout">${e(error)}</div>` : ''}${options}</fieldset>`;
  }
  const control = q.kind === 'textarea' ? textarea(id, value, q.required) : textbox(id, value, { type: q.kind === 'date' ? 'date' : 'text', max: 500, required: q.required });
  return field(id, q.label, control, { hint: q.hint, error, required: q.required });
}

const honeypot = () => `<div class="regie-melden-hp" aria-hidden="true"><label for="${HONEYPOT}">${e(T.honeypot)}</label><input type="text" id="${HONEYPOT}" name="${HONEYPOT}" tabindex="-1" autocomplete="off"></div>`;
const errorOf = (errors: FieldError[], path: string) => errors.find((x) => x.path === path)?.message;
const stepHeading = (n: number) => `${T.step(n, STEPS)}: ${T.stepTitles[n - 1]}`;
const styleSheet = (org: PublicOrganisation) => `${meldenPath(org)}/${MELDEN_STYLE_DIR}/${meldenStyleSheet().name}`;
const frame = (org: PublicOrganisation, orgStyle: string, title: string, main: string, extraCrumb?: { href: string; label: string }) => layout({
  title, org, orgStyle, main, styleSheet: styleSheet(org),
  crumbs: [{ href: `${BASE}/${org.address}`, label: org.name }, { href: meldenPath(org), label: T.crumb }, ...(extraCrumb ? [extraCrumb] : [])],
});
const titled = (n: number, errors: FieldError[]) => `${errors.length ? 'Fout: ' : ''}${T.title(T.stepTitles[n - 1], n, STEPS)}`;

/** Step 1: the guidance, and the choice of category; a referral category is a link to the municipality's own channel. */
export function guidancePage(org: PublicOrganisation, orgStyle: string, categories: Category[], errors: FieldError[] = []): string {
  const G = T.guidance;
  const own = categories.filter((c) => !c.referralUrl);
  const referrals = categories.filter((c) => c.referralUrl);
  const radios = own.map((c, i) => `<div class="utrecht-form-field utrecht-form-field--radio"><div class="utrecht-form-field__input"><input class="utrecht-radio-button utrecht-radio-button--html-input" type="radio" id="${i === 0 ? 'categorie' : `categorie-${c.key}`}" name="categorie" value="${e(c.key)}" aria-describedby="categorie-${e(c.key)}-uitleg" required></div>
<div class="utrecht-form-field__label"><label class="utrecht-form-label utrecht-form-label--radio" for="${i === 0 ? 'categorie' : `categorie-${c.key}`}">${e(c.name)}</label></div>
<div class="utrecht-form-field-description" id="categorie-${e(c.key)}-uitleg">${e(c.description)}</div></div>`).join('');
  const main = `${errorSummary(errors, { categorie: T.categoryLegend })}
${h(1, stepHeading(1))}
<section aria-labelledby="vooraf" class="regie-melden-guidance">${h(2, T.guidanceHeading, 'vooraf')}
<ul class="utrecht-unordered-list">
<li class="utrecht-unordered-list__item"><strong>${e(G.emergency)}</strong></li>
<li class="utrecht-unordered-list__item">${e(G.crime)}</li>
<li class="utrecht-unordered-list__item">${e(G.anonymous)} <a class="utrecht-link utrecht-link--html-a" href="https://www.meldmisdaadanoniem.nl" rel="noreferrer noopener">${e(G.mmaLink)}</a>.</li>
<li class="utrecht-unordered-list__item">${e(G.feedback)}</li>
<li class="utrecht-unordered-list__item">${e(G.noOwnData)}</li>
</ul></section>
<form method="get" action="${e(meldenPath(org))}/melding" novalidate>
<fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset"${errors.length ? ' aria-describedby="categorie-fout"' : ''}>
<legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">${e(T.categoryLegend)}</legend>
${errors.length ? `<div class="utrecht-form-field-error-message" id="categorie-fout">${e(T.categoryRequired)}</div>` : ''}
${radios}</fieldset>
<p class="utrecht-paragraph">${button(T.next)}</p>
</form>
${referrals.length ? `<section aria-labelledby="elders">${h(2, T.referralHeading, 'elders')}<ul class="utrecht-unordered-list">${referrals.map((c) => `<li class="utrecht-unordered-list__item">${e(T.referralText(c.name))} ${link(c.referralUrl!, T.referralLink(c.name))}</li>`).join('')}</ul></section>` : ''}
<p class="utrecht-paragraph">${link(`${meldenPath(org)}/status`, T.followLink)}</p>`;
  return frame(org, orgStyle, titled(1, errors), main);
}

/** Step 2: the category's questions. */
export function questionsPage(org: PublicOrganisation, orgStyle: string, category: Category, s: FormState, errors: FieldError[] = []): string {
  const labels = Object.fromEntries(category.questions.map((q) => [`q_${q.key}`, q.label]));
  const main = `${errorSummary(errors, labels)}
${h(1, stepHeading(2))}
${p(`${T.categoryLabel}: ${category.name}`, 'utrecht-paragraph--lead')}
${p(T.guidance.noOwnData)}
<form method="post" action="${e(meldenPath(org))}/melding" novalidate>
${hidden('stap', '2')}${hidden('categorie', category.key)}${hidden('sleutel', s.submissionKey)}${hidden('tijd', s.fillToken)}
${category.questions.map((q) => question(q, s.answers[q.key] ?? '', errorOf(errors, `q_${q.key}`))).join('\n')}
<p class="utrecht-paragraph regie-melden-buttons">${button(T.next)} ${link(meldenPath(org), T.back)}</p>
</form>`;
  return frame(org, orgStyle, titled(2, errors), main);
}

/** Step 3: attachments, contact details (optional), consent, the meldcode; the answers ride along hidden. */
export function detailsPage(org: PublicOrganisation, orgStyle: string, category: Category, s: FormState, errors: FieldError[] = [], filesLost = false): string {
  const labels: Record<string, string> = { bestanden: T.attachmentsLegend, name: T.name, email: T.email, phone: T.phone, tijd: T.submit };
  const main = `${errorSummary(errors, labels)}
${h(1, stepHeading(3))}
${p(`${T.categoryLabel}: ${category.name}`, 'utrecht-paragraph--lead')}
<form method="post" action="${e(meldenPath(org))}/melding" enctype="multipart/form-data" novalidate>
${hidden('stap', '3')}${hidden('categorie', category.key)}${hidden('sleutel', s.submissionKey)}${hidden('tijd', s.fillToken)}
${Object.entries(s.answers).map(([k, v]) => hidden(`q_${k}`, v)).join('')}
${honeypot()}
<fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
<legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">${e(T.attachmentsLegend)}</legend>
${filesLost ? `<div class="utrecht-alert regie-melden-notice">${p(T.filesAgain)}</div>` : ''}
${field('bestanden', T.attachmentsLabel, (d, inv) => `<input class="utrecht-textbox utrecht-textbox--html-input regie-melden-file" type="file" id="bestanden" name="bestanden" multiple accept="image/jpeg,image/png,application/pdf"${aria(d, inv)}>`, { hint: T.attachmentsHint, error: errors.filter((x) => x.path === 'bestanden').map((x) => x.message).join(' ') || undefined, required: true })}
</fieldset>
<fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset" aria-describedby="contact-hint">
<legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">${e(T.contactLegend)}</legend>
<div class="utrecht-form-field-description" id="contact-hint">${e(T.contactHint)}</div>
${field('name', T.name, textbox('name', s.name, { autocomplete: 'name', max: 200 }), { error: errorOf(errors, 'name') })}
${field('email', T.email, textbox('email', s.email, { type: 'email', autocomplete: 'email', max: 254 }), { error: errorOf(errors, 'email') })}
${field('phone', T.phone, textbox('phone', s.phone, { type: 'tel', autocomplete: 'tel', max: 20 }), { error: errorOf(errors, 'phone') })}
${checkbox('delen', T.consent, s.consent)}
</fieldset>
<fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
<legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">${e(T.meldcodeLegend)}</legend>
${checkbox('meldcode', T.meldcodeLabel, s.wantsMeldcode, T.meldcodeHint)}
</fieldset>
<p class="utrecht-paragraph regie-melden-buttons">${button(T.submit)} ${button(T.back, 'terug', true)}</p>
</form>`;
  return frame(org, orgStyle, titled(3, errors), main);
}

/** The receipt: the meldnummer, what happens next, and the meldcode with its phrase if wanted. */
export function receiptPage(org: PublicOrganisation, orgStyle: string, category: Category | null, number: string | null, meldcode: Meldcode | null): string {
  const main = `${h(1, T.receiptTitle)}
${number ? `<p class="utrecht-paragraph utrecht-paragraph--lead">${e(T.receiptNumber)}: <strong class="regie-melden-number">${e(number)}</strong></p>` : ''}
${category ? `<section aria-labelledby="straks">${h(2, T.receiptNext, 'straks')}${p(category.handlingText)}${p(T.receiptResponse(category.responseDays))}</section>` : ''}
${meldcode ? `<section aria-labelledby="meldcode" class="regie-melden-code">${h(2, T.receiptCode, 'meldcode')}${p(T.receiptCodeHint)}
<dl class="regie-public-facts"><dt>${e(T.meldcode)}</dt><dd><code class="regie-melden-secret" data-testid="meldcode">${e(meldcode.code)}</code></dd>
<dt>${e(T.phrase)}</dt><dd><code class="regie-melden-secret" data-testid="meldzin">${e(meldcode.phrase)}</code></dd></dl>
<p class="utrecht-paragraph">${link(`${meldenPath(org)}/status`, T.followLink)}</p></section>` : (number ? p(T.receiptNoCode) : '')}`;
  return frame(org, orgStyle, T.receiptTitle, main);
}

/** The meldcode form. */
export function statusFormPage(org: PublicOrganisation, orgStyle: string, values: { code: string; phrase: string }, errors: FieldError[] = []): string {
  const statusPath = `${meldenPath(org)}/status`;
  const main = `${errorSummary(errors, { code: T.meldcode, zin: T.phrase })}
${h(1, T.statusTitle)}
${p(T.statusIntro)}
<form method="post" action="${e(statusPath)}" novalidate>
${hidden('actie', 'bekijken')}
${field('code', T.meldcode, textbox('code', values.code, { max: 60, required: true }), { error: errorOf(errors, 'code'), required: true })}
${field('zin', T.phrase, textbox('zin', values.phrase, { type: 'password', max: 60, required: true }), { error: errorOf(errors, 'zin'), required: true })}
<p class="utrecht-paragraph">${button(T.show)}</p>
</form>`;
  return frame(org, orgStyle, `${errors.length ? 'Fout: ' : ''}${T.statusTitle}`, main, { href: statusPath, label: T.statusCrumb });
}

/** What a code holder sees: the coarse status, the questions and the reporter's answers, and forms to answer and add. */
export function statusPage(org: PublicOrganisation, orgStyle: string, view: CodeView, secret: { code: string; phrase: string },
  o: { notice?: string; errors?: FieldError[]; text?: Record<string, string> } = {}): string {
  const statusPath = `${meldenPath(org)}/status`;
  const errors = o.errors ?? [];
  const keys = `${hidden('code', secret.code)}${hidden('zin', secret.phrase)}`;
  const who = { question: T.questionsHeading, answer: T.yourAnswer, addition: T.additionHeading } as const;
  const messages = view.messages.length
    ? `<ol class="utrecht-ordered-list regie-melden-messages">${view.messages.map((m) => `<li class="utrecht-ordered-list__item regie-melden-message regie-melden-message--${m.kind}"><p class="utrecht-paragraph regie-public-muted">${e(who[m.kind])}, ${e(new Date(m.at).toLocaleDateString('nl-NL', { timeZone: 'Europe/Amsterdam', day: 'numeric', month: 'long', year: 'numeric' }))}</p>${p(m.body)}</li>`).join('')}</ol>`
    : p(T.noQuestions);
  const answerForm = view.openQuestionId ? `<form method="post" action="${e(statusPath)}" novalidate>${hidden('actie', 'antwoord')}${keys}
${field('antwoord', T.yourAnswer, textarea('antwoord', o.text?.antwoord ?? '', true), { error: errorOf(errors, 'antwoord'), required: true })}
<p class="utrecht-paragraph">${button(T.sendAnswer)}</p></form>` : '';
  const additionForm = view.canAdd ? `<section aria-labelledby="aanvullen">${h(2, T.additionHeading, 'aanvullen')}
<form method="post" action="${e(statusPath)}" novalidate>${hidden('actie', 'aanvulling')}${keys}
${field('aanvulling', T.additionLabel, textarea('aanvulling', o.text?.aanvulling ?? '', true), { hint: T.guidance.noOwnData, error: errorOf(errors, 'aanvulling'), required: true })}
<p class="utrecht-paragraph">${button(T.sendAddition)}</p></form></section>` : p(T.closedNoMore);
  const main = `${errorSummary(errors, { antwoord: T.yourAnswer, aanvulling: T.additionLabel })}
${o.notice ? `<div class="utrecht-alert utrecht-alert--ok regie-melden-notice" role="status">${p(o.notice)}</div>` : ''}
${h(1, T.statusOf(view.number))}
<dl class="regie-public-facts"><dt>${e(T.statusLabel)}</dt><dd data-testid="publieke-status">${e(T.publicStatus[view.status])}</dd>
<dt>${e(T.categoryLabel)}</dt><dd>${e(view.category)}</dd>
<dt>${e(T.receivedLabel)}</dt><dd>${e(new Date(view.receivedAt).toLocaleDateString('nl-NL', { timeZone: 'Europe/Amsterdam', day: 'numeric', month: 'long', year: 'numeric' }))}</dd></dl>
<section aria-labelledby="vragen">${h(2, T.questionsHeading, 'vragen')}${messages}${answerForm}</section>
${additionForm}`;
  return frame(org, orgStyle, `${errors.length ? 'Fout: ' : ''}${T.statusOf(view.number)}`, main, { href: statusPath, label: T.statusCrumb });
}

/** A page with one message (too many attempts, the hourly cap). */
export function messagePage(org: PublicOrganisation, orgStyle: string, title: string, text: string): string {
  return frame(org, orgStyle, title, `${h(1, title)}${p(text)}<p class="utrecht-paragraph">${link(meldenPath(org), T.crumb)}</p>`);
}

/** A fault or an unknown meldpunt: the public site's 404, or a page without an organisation's frame. */
export function faultPage(status: number): string {
  if (status === 404) return notFoundPage();
  const text = status === 413 ? T.fields.fileTooBig(T.attachmentsLegend) : status === 429 ? T.tooMany : status >= 500 ? T.fault : T.badRequest;
  return layout({ title: T.crumb, crumbs: [{ href: BASE, label: nl.publicSite.home, isCurrent: false }], main: `${h(1, T.crumb)}${p(text)}` });
}

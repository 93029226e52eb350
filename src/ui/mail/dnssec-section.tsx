/** The AD bit of each answer mail depends on: the MX, the TXT (SPF) and each host's addresses. */
import { validationText } from '../../core/mail/dnssec/dnssec-wording';
import type { DnssecSection, ValidatedAnswer } from '../../core/mail/dnssec/types';
export { default as dnssecCss } from './dnssec-section.css';

function Row({ answer }: { answer: ValidatedAnswer }) {
  return (
    <tr>
      <td>
        <code>{answer.question}</code>
      </td>
      <td class={answer.authenticated ? 'dnssec-yes' : 'dnssec-no'}>{validationText(answer)}</td>
    </tr>
  );
}

export function DnssecSectionBody({ section }: { section: DnssecSection }) {
  const answers = [section.mx, section.txt, ...section.hosts].filter((answer): answer is ValidatedAnswer => answer !== undefined);
  if (answers.length === 0) return null;
  return (
    <table class="dnssec-table" aria-label="DNSSEC validation">
      <thead>
        <tr>
          <th scope="col">Answer</th>
          <th scope="col">DNSSEC</th>
        </tr>
      </thead>
      <tbody>
        {answers.map((answer) => (
          <Row key={answer.question} answer={answer} />
        ))}
      </tbody>
    </table>
  );
}

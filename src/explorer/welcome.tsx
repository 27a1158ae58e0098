/** What the panel shows before anything is open: how to start, and a few entities to start from. */
import { type Lang, t } from './i18n.js';

const examples = [
  ['program:minimum-living-allowance', '低保', 'Minimum living allowance'],
  ['agency:gx-civil-affairs', '自治区民政厅', 'Civil Affairs Department'],
  ['program:elderly-care-services', '养老服务', 'Elderly care'],
  ['region:450000', '广西壮族自治区', 'Guangxi'],
] as const;

export function Welcome({ lang, onOpen }: { lang: Lang; onOpen: (id: string) => void }) {
  return (
    <section className="welcome panel-section">
      <h2>{t(lang, 'title')}</h2>
      <p>{t(lang, 'welcome')}</p>
      <ul className="examples">
        {examples.map(([id, zh, en]) => (
          <li key={id}>
            <button type="button" onClick={() => onOpen(id)}>
              {lang === 'zh' ? zh : en}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

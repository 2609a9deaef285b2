/** 标注 and 专题 before their capabilities land: what each page will hold and how to get there. */
import { EmptyState } from '../components/EmptyState';
import { useT } from '../i18n';

export function HighlightsPage() {
  const { t } = useT();
  return <section className="page"><EmptyState icon="highlights" title={t('highlights.empty.title')} body={t('highlights.empty.body')} /></section>;
}

export function TopicsPage() {
  const { t } = useT();
  return <section className="page"><EmptyState icon="topics" title={t('topics.empty.title')} body={t('topics.empty.body')} /></section>;
}

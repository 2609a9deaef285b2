/** 专题 before its capability lands: what the page will hold and how to get there. */
import { EmptyState } from '../components/EmptyState';
import { useT } from '../i18n';

export function TopicsPage() {
  const { t } = useT();
  return <section className="page"><EmptyState icon="topics" title={t('topics.empty.title')} body={t('topics.empty.body')} /></section>;
}

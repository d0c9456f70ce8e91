import { useApi } from '../use-api.ts';
import { TrainingHistoryList } from './training-history.tsx';

/** 我的培训 on a phone: the sessions I attended. */
export function FieldTraining() {
  const mine = useApi('/api/training/mine');
  return (
    <div className="field-visits">
      <TrainingHistoryList history={mine.data} loading={mine.loading} />
    </div>
  );
}

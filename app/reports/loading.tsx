import { Loading } from './_ui/Loading.tsx';

export default function ReportsLoading() {
  return <Loading label="正在加载报告… Loading reports…" />;
}

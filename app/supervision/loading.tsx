import { Loading } from '../reports/_ui/Loading.tsx';

export default function SupervisionLoading() {
  return <Loading label="正在汇总监管数据… Computing dashboard…" />;
}

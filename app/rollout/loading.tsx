import { Loading } from '../reports/_ui/Loading.tsx';

export default function RolloutLoading() {
  return <Loading label="正在计算推广覆盖… Computing coverage…" />;
}

/** Alert UI for any portal layout: <AlertCenterBell/> in a header, <AlarmToaster/> once per page. */
export { AlertCenterBell } from './AlertCenterBell.tsx';
export { AlarmToaster } from './AlarmToaster.tsx';
export { WorkShell } from './WorkShell.tsx';

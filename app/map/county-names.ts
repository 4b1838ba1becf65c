/** County names for labels and tooltips — defined once in lib/domain/counties.ts. */
export { countyName } from '../../lib/domain/counties.ts';

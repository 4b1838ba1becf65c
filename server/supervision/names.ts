/** County names (Chinese) by adcode — defined once in lib/domain/counties.ts. */
export { COUNTY_NAMES_ZH } from '../../lib/domain/counties.ts';

/** All built-in tables, keyed by family id. */
import type { CodeEntry, FamilyId } from '../types';
import { DCMO_RESULT } from './dcmo';
import { DM_ALERT } from './dmAlert';
import { DS_ALERT } from './dsAlert';
import { FUMO_RESULT } from './fumo';
import { HEALTHATTESTATION_STATUS } from './healthAttestation';
import { LAWMO_RESULT } from './lawmo';
import { SACMO_RESULT } from './sacmo';
import { SCOMO_RESULT } from './scomo';
import {
  FUMO_STATE,
  LAWMO_STATE,
  SCOMO_DELIVERED_STATE,
  SCOMO_DELIVERED_STATUS,
  SCOMO_DEPLOYED_STATE,
  SCOMO_DEPLOYED_STATUS,
  SCOMO_DOWNLOAD_STATUS,
} from './states';
import { SYNCML_STATUS } from './syncmlStatus';

export const BUILTIN: Readonly<Record<FamilyId, readonly CodeEntry[]>> = {
  'syncml-status': SYNCML_STATUS,
  'dm-alert': DM_ALERT,
  'ds-alert': DS_ALERT,
  'fumo-result': FUMO_RESULT,
  'scomo-result': SCOMO_RESULT,
  'sacmo-result': SACMO_RESULT,
  'lawmo-result': LAWMO_RESULT,
  'fumo-state': FUMO_STATE,
  'scomo-download-status': SCOMO_DOWNLOAD_STATUS,
  'scomo-delivered-status': SCOMO_DELIVERED_STATUS,
  'scomo-delivered-state': SCOMO_DELIVERED_STATE,
  'scomo-deployed-status': SCOMO_DEPLOYED_STATUS,
  'scomo-deployed-state': SCOMO_DEPLOYED_STATE,
  'lawmo-state': LAWMO_STATE,
  'healthattestation-status': HEALTHATTESTATION_STATUS,
  'dcmo-result': DCMO_RESULT,
};

export { ALERT_TYPES } from './alertTypes';
export { buildCommandStatuses } from './commandStatuses';
export { FAMILY_INFO, UNPUBLISHED } from './families';
export { familyClass } from './build';
export { SYNCML_HRESULT_FIRST, SYNCML_HRESULT_LAST, WINDOWS_ERRORS } from './windowsErrors';

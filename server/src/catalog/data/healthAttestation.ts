/**
 * Windows HealthAttestation CSP `Status` node values, codes.md §4.6. Names carry the
 * HEALTHATTESTATION_CERT_RETRIEVAL_ prefix except the last two (400, 404), as the rule there
 * says. These are node values, not SyncML statuses (SyncMLViewer shows them shifted by +600).
 */
import type { CodeEntry } from '../types';
import { family } from './build';

// Descriptions where Microsoft's table says something specific follow its "HealthAttestation CSP
// status and error codes" table (learn.microsoft.com/windows/client-management/mdm/healthattestation-csp).
const SRC = 'Windows HealthAttestation CSP, Status node (codes.md §4.6)';
const DEPRECATED = 'Deprecated in Windows 10, version 1607.';
const P = 'HEALTHATTESTATION_CERT_RETRIEVAL_';

export const HEALTHATTESTATION_STATUS: readonly CodeEntry[] = family('healthattestation-status', SRC, [
  [0, `${P}UNINITIALIZED`, 'No health attestation has been requested yet.'],
  [1, `${P}REQUESTED`, 'A health certificate has been requested and is pending.'],
  [2, `${P}FAILED`, 'The health attestation failed.'],
  [3, `${P}COMPLETE`, 'The health attestation finished and the certificate is available.'],
  [4, `${P}PCR_FAIL`, DEPRECATED],
  [5, `${P}GETQUOTE_FAIL`, 'Getting the TPM quote failed.'],
  [6, `${P}DEVICE_NOT_READY`, 'DHA-CSP failed in opening a handle to Microsoft Platform Crypto Provider.'],
  [7, `${P}WINDOWS_AIK_FAIL`, 'Getting the Windows attestation identity key (AIK) failed.'],
  [8, `${P}FROM_WEB_FAIL`, DEPRECATED],
  [9, `${P}INVALID_TPM_VERSION`, 'The TPM version is not supported.'],
  [10, `${P}GETNONCE_FAIL`, 'Getting the nonce failed.'],
  [11, `${P}GETCORRELATIONID_FAIL`, 'Getting the correlation id failed.'],
  [12, `${P}GETCERT_FAIL`, DEPRECATED],
  [13, `${P}GETCLAIM_FAIL`, DEPRECATED],
  [14, `${P}ENCODING_FAIL`, 'Encoding failed.'],
  [15, `${P}ENDPOINTOVERRIDE_FAIL`, DEPRECATED],
  [16, `${P}FAILED_LOAD_XML`, 'Loading the XML failed.'],
  [17, `${P}FAILED_CORRUPT_XML`, 'The XML is corrupt.'],
  [18, `${P}FAILED_EMPTY_XML`, 'The XML is empty.'],
  [19, `${P}FAILED_DECRYPT_AES_EK`, 'Decrypting the AES key with the endorsement key failed.'],
  [20, `${P}FAILED_DECRYPT_CERT_AES_EK`, 'DHA-CSP failed in decrypting the health cert with the AES key.'],
  [21, `${P}FAILED_EXPORT_AIKPUB`, 'Exporting the public part of the AIK failed.'],
  [22, `${P}FAILED_CREATE_CLAIMAUTHORITYONLY`, 'Creating the authority-only claim failed.'],
  [23, `${P}FAILED_APPEND_AIKPUB`, 'Appending the public part of the AIK failed.'],
  [24, `${P}FAILED_APPEND_AIKCERT`, 'Appending the AIK certificate failed.'],
  [25, `${P}FAILED_INIT_HTTPHANDLE`, 'Initializing the HTTP handle failed.'],
  [26, `${P}FAILED_GETTARGET_HTTPHANDLE`, 'DHA-CSP failed to connect to the DHA-Service.'],
  [27, `${P}FAILED_CREATE_HTTPHANDLE`, 'Creating the HTTP handle failed.'],
  [28, `${P}FAILED_SET_INTERNETOPTION`, 'Setting an internet option failed.'],
  [29, `${P}FAILED_ADD_REQUESTHEADERS`, 'Adding the HTTP request headers failed.'],
  [30, `${P}FAILED_SEND_REQUEST`, 'Sending the HTTP request failed.'],
  [31, `${P}FAILED_RECEIVE_RESPONSE`, 'Receiving the HTTP response failed.'],
  [32, `${P}FAILED_QUERY_HEADERS`, 'Querying the HTTP response headers failed.'],
  [33, `${P}FAILED_EMPTY_RESPONSE`, 'The response was empty.'],
  [34, `${P}FAILED_MISSING_RESPONSE`, 'No response came back.'],
  [35, `${P}FAILED_IMPERSONATE_USER`, 'Impersonating the user failed.'],
  [36, `${P}FAILED_ACQUIRE_PDCNETWORKACTIVATOR`, 'Acquiring the PDC network activator failed.'],
  [400, 'Bad_Request_From_Client', 'DHA-CSP has received a bad (malformed) attestation request.'],
  [404, 'Endpoint_Not_Reachable', 'The attestation service endpoint could not be reached.'],
  [0xffff, `${P}FAILED_UNKNOWN`, 'Failed for an unknown reason (0xFFFF).'],
]);

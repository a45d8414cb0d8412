import { z } from 'zod';
import {
  Me,
  MembershipList,
  PersonalDataExport,
  SessionInfo,
  type AccountDelete,
  type Membership,
  type PasswordChange,
  type ProfileUpdate,
  type SignIn,
  type SignUp,
} from '../shared/accounts.ts';
import { AuditPage } from '../shared/audit.ts';
import {
  Agreement,
  CaseCode,
  CaseDetail,
  CaseSearchResult,
  Comparison,
  CoderList,
  MyCases,
  SimilarCases,
  type CaseCreate,
  type CaseUpdate,
  type CodeCreate,
} from '../shared/cases.ts';
import { ApiErrorBody, FieldIssue } from '../shared/errors.ts';
import {
  JoinRequest,
  JoinRequestList,
  Member,
  MemberList,
  Organisation,
  OrganisationPage,
  type JoinRequestCreate,
  type JoinRequestDecision,
  type MemberAdd,
  type MemberRoleChange,
  type OrganisationCreate,
  type OrganisationKind,
  type OrganisationUpdate,
} from '../shared/organisations.ts';
import {
  AnalysisList,
  QcaDataSet,
  QcaReport,
  SavedAnalysis,
  type AnalysisCreate,
  type CaseDataSetRequest,
  type QcaParams,
  type QcaRunRequest,
} from '../shared/qca.ts';
import { compareApiPath, searchApiPath, type SearchState } from './case-search.ts';

/** An error answer from the API, or a network failure (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fieldIssues: FieldIssue[];

  constructor(status: number, code: string, message: string, fieldIssues: FieldIssue[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fieldIssues = fieldIssues;
  }
}

const FieldIssues = z.array(FieldIssue);

let csrfToken: string | null = null;

/** Remember the CSRF token from the latest SessionInfo. */
function remember(info: SessionInfo): SessionInfo {
  csrfToken = info.csrfToken;
  return info;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

interface SendOptions {
  /** Aborting it cancels the request (the promise rejects with code 'aborted'). */
  signal?: AbortSignal;
  accept?: string;
  retry?: boolean;
}

async function send(
  method: Method,
  path: string,
  body?: unknown,
  { signal, accept = 'application/json', retry = true }: SendOptions = {},
): Promise<Response> {
  const headers: Record<string, string> = { accept };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') {
    if (csrfToken === null) await getSession();
    if (csrfToken !== null) headers['x-csrf-token'] = csrfToken;
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch {
    if (signal?.aborted) throw new ApiError(0, 'aborted', 'The request was cancelled.');
    throw new ApiError(0, 'network', 'The server could not be reached.');
  }
  if (response.ok) return response;
  const error = await toError(response);
  // The session (and with it the token) may have changed in another tab: fetch it once more.
  if (error.code === 'csrf' && retry) {
    await getSession();
    return send(method, path, body, { signal, accept, retry: false });
  }
  throw error;
}

async function toError(response: Response): Promise<ApiError> {
  let raw: unknown = null;
  try {
    raw = await response.json();
  } catch {
    // Not JSON (a proxy error page, for example).
  }
  const parsed = ApiErrorBody.safeParse(raw);
  if (!parsed.success) {
    return new ApiError(response.status, 'unknown', response.statusText || 'Request failed');
  }
  const { code, message, details } = parsed.data.error;
  const issues = FieldIssues.safeParse(details);
  return new ApiError(response.status, code, message, issues.success ? issues.data : []);
}

/** A request whose JSON answer is checked against `schema` (the error shape on failure). */
export async function json<T extends z.ZodType>(
  schema: T,
  method: Method,
  path: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<z.infer<T>> {
  const response = await send(method, path, body, { signal });
  let raw: unknown;
  try {
    raw = await response.json();
  } catch {
    if (signal?.aborted) throw new ApiError(0, 'aborted', 'The request was cancelled.');
    throw new ApiError(response.status, 'bad_response', 'The server sent an unexpected answer.');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new ApiError(response.status, 'bad_response', 'The server sent an unexpected answer.');
  }
  return parsed.data;
}

/** A request without an answer body (the error shape on failure). */
export async function noContent(method: Method, path: string, body?: unknown): Promise<void> {
  await send(method, path, body);
}

function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}

const enc = encodeURIComponent;

// --- Session and account -------------------------------------------------------

export async function getSession(): Promise<SessionInfo> {
  const response = await fetch('/api/session', {
    headers: { accept: 'application/json' },
    credentials: 'same-origin',
  }).catch(() => {
    throw new ApiError(0, 'network', 'The server could not be reached.');
  });
  if (!response.ok) throw await toError(response);
  const parsed = SessionInfo.safeParse(await response.json());
  if (!parsed.success) {
    throw new ApiError(response.status, 'bad_response', 'The server sent an unexpected answer.');
  }
  return remember(parsed.data);
}

export async function signUp(input: SignUp): Promise<SessionInfo> {
  return remember(await json(SessionInfo, 'POST', '/api/auth/sign-up', input));
}

export async function signIn(input: SignIn): Promise<SessionInfo> {
  return remember(await json(SessionInfo, 'POST', '/api/auth/sign-in', input));
}

export async function signOut(): Promise<void> {
  await noContent('POST', '/api/auth/sign-out');
  csrfToken = null;
}

export function updateProfile(input: ProfileUpdate): Promise<Me> {
  return json(Me, 'PATCH', '/api/me', input);
}

export function changePassword(input: PasswordChange): Promise<void> {
  return noContent('POST', '/api/me/password', input);
}

export async function myOrganisations(): Promise<Membership[]> {
  return (await json(MembershipList, 'GET', '/api/me/organisations')).items;
}

export function exportMyData(): Promise<PersonalDataExport> {
  return json(PersonalDataExport, 'GET', '/api/me/export');
}

export async function deleteAccount(input: AccountDelete): Promise<void> {
  await noContent('POST', '/api/me/delete', input);
  csrfToken = null;
}

// --- Organisations --------------------------------------------------------------

export interface OrganisationFilters {
  q?: string;
  kind?: OrganisationKind;
  country?: string;
  limit?: number;
  cursor?: string;
}

export function listOrganisations(filters: OrganisationFilters): Promise<OrganisationPage> {
  return json(OrganisationPage, 'GET', `/api/organisations${query({ ...filters })}`);
}

export function getOrganisation(id: string): Promise<Organisation> {
  return json(Organisation, 'GET', `/api/organisations/${enc(id)}`);
}

export function createOrganisation(input: OrganisationCreate): Promise<Organisation> {
  return json(Organisation, 'POST', '/api/organisations', input);
}

export function updateOrganisation(id: string, input: OrganisationUpdate): Promise<Organisation> {
  return json(Organisation, 'PATCH', `/api/organisations/${enc(id)}`, input);
}

export function listMembers(id: string): Promise<MemberList> {
  return json(MemberList, 'GET', `/api/organisations/${enc(id)}/members`);
}

export function addMember(id: string, input: MemberAdd): Promise<Member> {
  return json(Member, 'POST', `/api/organisations/${enc(id)}/members`, input);
}

export function changeMemberRole(
  id: string,
  userId: string,
  input: MemberRoleChange,
): Promise<Member> {
  return json(Member, 'PATCH', `/api/organisations/${enc(id)}/members/${enc(userId)}`, input);
}

export function removeMember(id: string, userId: string): Promise<void> {
  return noContent('DELETE', `/api/organisations/${enc(id)}/members/${enc(userId)}`);
}

export function requestToJoin(id: string, input: JoinRequestCreate): Promise<JoinRequest> {
  return json(JoinRequest, 'POST', `/api/organisations/${enc(id)}/join-requests`, input);
}

export function listJoinRequests(id: string): Promise<JoinRequestList> {
  return json(JoinRequestList, 'GET', `/api/organisations/${enc(id)}/join-requests`);
}

export function decideJoinRequest(
  id: string,
  requestId: string,
  input: JoinRequestDecision,
): Promise<JoinRequest> {
  return json(
    JoinRequest,
    'POST',
    `/api/organisations/${enc(id)}/join-requests/${enc(requestId)}/decision`,
    input,
  );
}

// --- Audit ----------------------------------------------------------------------

export function listAudit(filters: {
  action?: string;
  limit?: number;
  cursor?: string;
}): Promise<AuditPage> {
  return json(AuditPage, 'GET', `/api/audit${query(filters)}`);
}

// --- Case library -----------------------------------------------------------------

export function searchCases(
  search: SearchState,
  page: { limit: number; cursor?: string },
): Promise<CaseSearchResult> {
  return json(CaseSearchResult, 'GET', searchApiPath(search, page));
}

export function getCase(id: string): Promise<CaseDetail> {
  return json(CaseDetail, 'GET', `/api/cases/${enc(id)}`);
}

export function createCase(input: CaseCreate): Promise<CaseDetail> {
  return json(CaseDetail, 'POST', '/api/cases', input);
}

export function updateCase(id: string, input: CaseUpdate): Promise<CaseDetail> {
  return json(CaseDetail, 'PATCH', `/api/cases/${enc(id)}`, input);
}

export function deleteCase(id: string): Promise<void> {
  return noContent('DELETE', `/api/cases/${enc(id)}`);
}

export function similarCases(id: string): Promise<SimilarCases> {
  return json(SimilarCases, 'GET', `/api/cases/${enc(id)}/similar`);
}

export function addCaseCode(id: string, input: CodeCreate): Promise<CaseCode> {
  return json(CaseCode, 'POST', `/api/cases/${enc(id)}/codes`, input);
}

export function deleteCaseCode(id: string, codeId: string): Promise<void> {
  return noContent('DELETE', `/api/cases/${enc(id)}/codes/${enc(codeId)}`);
}

export function myCases(): Promise<MyCases> {
  return json(MyCases, 'GET', '/api/cases/mine');
}

export function listCoders(): Promise<CoderList> {
  return json(CoderList, 'GET', '/api/cases/coders');
}

export function getAgreement(coderA: string, coderB: string): Promise<Agreement> {
  return json(Agreement, 'GET', `/api/cases/agreement${query({ coderA, coderB })}`);
}

export function compareCases(search: SearchState): Promise<Comparison> {
  return json(Comparison, 'GET', compareApiPath(search));
}

// --- QCA ----------------------------------------------------------------------------

/** The published cases matching the filters, one row per case, one column per set. */
export function buildQcaDataSet(input: CaseDataSetRequest): Promise<QcaDataSet> {
  return json(QcaDataSet, 'POST', '/api/qca/dataset', input);
}

/** Run an analysis on the server; aborting `signal` stops it there too. */
export function runQca(input: QcaRunRequest, signal?: AbortSignal): Promise<QcaReport> {
  return json(QcaReport, 'POST', '/api/qca/run', input, signal);
}

/** An R script (QCA package) that reproduces an unsaved analysis. */
export async function qcaScript(input: {
  data: QcaDataSet;
  params: QcaParams;
  title: string;
}): Promise<string> {
  const response = await send('POST', '/api/qca/script', input, { accept: 'text/plain' });
  return response.text();
}

export function createAnalysis(input: AnalysisCreate): Promise<SavedAnalysis> {
  return json(SavedAnalysis, 'POST', '/api/qca/analyses', input);
}

export function listAnalyses(): Promise<AnalysisList> {
  return json(AnalysisList, 'GET', '/api/qca/analyses');
}

export function getAnalysis(id: string): Promise<SavedAnalysis> {
  return json(SavedAnalysis, 'GET', `/api/qca/analyses/${enc(id)}`);
}

export function deleteAnalysis(id: string): Promise<void> {
  return noContent('DELETE', `/api/qca/analyses/${enc(id)}`);
}

export const analysisScriptPath = (id: string) => `/api/qca/analyses/${enc(id)}/script.R`;
export const analysisDataPath = (id: string) => `/api/qca/analyses/${enc(id)}/data.csv`;

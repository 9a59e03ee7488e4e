import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Submission, SubmissionContent } from '../../../../shared/api/reports.schemas.js';
import { isApiError } from '../../lib/api-client.js';
import { reportKeys, saveDraft, submitReport } from './reports.api.js';
import { clearLocalDraft, contentOf, draftFromContent, readLocalDraft, sameDraft, writeLocalDraft, type DraftState } from './submission-draft.js';

/** Where the draft stands: on the server, waiting to be sent, being sent, kept only in the browser (offline), in conflict, refused. */
export type SaveState = 'saved' | 'unsaved' | 'saving' | 'offline' | 'conflict' | 'error';

/** The other person's draft, from the 409's `current`. */
export interface DraftConflict {
  version: number;
  content: SubmissionContent;
  updatedAt: string;
  updatedByName: string | null;
}

function conflictOf(error: unknown): DraftConflict | null {
  if (!isApiError(error, 'VERSION_CONFLICT')) return null;
  const current = (error.problem as { current?: DraftConflict }).current;
  return current && typeof current.version === 'number' && current.content ? current : null;
}

/**
 * The unit's draft: every change is written to the browser at once (a closed tab or a lost
 * connection loses nothing) and sent to the server `delayMs` after the typing stops, one save at a
 * time with the version last read. A 409 stops the autosave and holds the other person's draft
 * until the person chooses; nothing is overwritten silently.
 */
export function useSubmissionDraft(submission: Submission, { delayMs, editable }: { delayMs: number; editable: boolean }) {
  const id = submission.id;
  const body = submission.template.body;
  const queryClient = useQueryClient();
  // Read once per report: a draft left in this browser wins over the server's until it is sent.
  const initial = useMemo(() => {
    const server = draftFromContent(body, submission.content);
    const local = editable ? readLocalDraft(id) : null;
    if (local && !sameDraft(local.state, server)) return { state: local.state, version: local.baseVersion, restored: true };
    if (local) clearLocalDraft(id);
    return { state: server, version: submission.version, restored: false };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);

  const [state, setState] = useState<DraftState>(initial.state);
  const [saveState, setSaveState] = useState<SaveState>(initial.restored ? 'unsaved' : 'saved');
  const [conflict, setConflict] = useState<DraftConflict | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [restored, setRestored] = useState(initial.restored);
  const [tick, setTick] = useState(0);
  const stateRef = useRef(state);
  const versionRef = useRef(initial.version);
  const changes = useRef(0);
  const inFlight = useRef(false);

  const onServer = useCallback((saved: Submission) => {
    versionRef.current = saved.version;
    queryClient.setQueryData(reportKeys.submission(id), saved);
  }, [id, queryClient]);

  const keepLocal = useCallback((next: DraftState) => writeLocalDraft(id, { baseVersion: versionRef.current, state: next, changedAt: new Date().toISOString() }), [id]);

  /** Applies a change to the draft (typing, adding a row). */
  const update = useCallback(
    (change: (s: DraftState) => DraftState) => {
      const next = change(stateRef.current);
      stateRef.current = next;
      changes.current += 1;
      keepLocal(next);
      setState(next);
      setSaveState((s) => (s === 'conflict' ? s : 'unsaved'));
    },
    [keepLocal],
  );

  const save = useCallback(async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    const seen = changes.current;
    setSaveState('saving');
    try {
      const saved = await saveDraft(id, versionRef.current, contentOf(body, stateRef.current).content);
      onServer(saved);
      setError(null);
      if (changes.current === seen) {
        clearLocalDraft(id);
        setRestored(false);
        setSaveState('saved');
      } else {
        keepLocal(stateRef.current);
        setSaveState('unsaved');
      }
    } catch (e) {
      const other = conflictOf(e);
      if (other) {
        setConflict(other);
        setSaveState('conflict');
      } else if (isApiError(e, 'NETWORK')) {
        setSaveState('offline');
      } else {
        setError(e);
        setSaveState('error');
      }
    } finally {
      inFlight.current = false;
      setTick((n) => n + 1);
    }
  }, [body, id, keepLocal, onServer]);

  // The autosave: after a pause in typing, while there is something to send.
  useEffect(() => {
    if (!editable || saveState !== 'unsaved') return;
    const timer = setTimeout(() => void save(), delayMs);
    return () => clearTimeout(timer);
  }, [editable, saveState, state, tick, delayMs, save]);

  // Back online: send what the browser kept.
  useEffect(() => {
    if (saveState !== 'offline') return;
    const retry = () => setSaveState('unsaved');
    globalThis.addEventListener?.('online', retry);
    return () => globalThis.removeEventListener?.('online', retry);
  }, [saveState]);

  /** Conflict: keep my draft, written over the other person's version (they were shown it). */
  const keepMine = useCallback(() => {
    if (!conflict) return;
    versionRef.current = conflict.version;
    keepLocal(stateRef.current);
    setConflict(null);
    setSaveState('unsaved');
  }, [conflict, keepLocal]);

  /** Conflict: take the other person's draft; mine is dropped. */
  const takeTheirs = useCallback(() => {
    if (!conflict) return;
    const theirs = draftFromContent(body, conflict.content);
    versionRef.current = conflict.version;
    stateRef.current = theirs;
    clearLocalDraft(id);
    setState(theirs);
    setConflict(null);
    setRestored(false);
    setSaveState('saved');
    void queryClient.invalidateQueries({ queryKey: reportKeys.submission(id) });
  }, [body, conflict, id, queryClient]);

  const retry = useCallback(() => setSaveState('unsaved'), []);

  /** Sends the report with what is on screen; resolves true when it was submitted. */
  const submit = useCallback(async (): Promise<boolean> => {
    if (inFlight.current) return false;
    inFlight.current = true;
    const seen = changes.current;
    setSaveState('saving');
    try {
      const sent = await submitReport(id, versionRef.current, contentOf(body, stateRef.current).content);
      if (changes.current === seen) clearLocalDraft(id);
      onServer(sent);
      void queryClient.invalidateQueries({ queryKey: reportKeys.all });
      setError(null);
      setSaveState('saved');
      return true;
    } catch (e) {
      const other = conflictOf(e);
      if (other) {
        setConflict(other);
        setSaveState('conflict');
      } else if (isApiError(e, 'NETWORK')) {
        setSaveState('offline');
      } else {
        setError(e);
        setSaveState('error');
      }
      return false;
    } finally {
      inFlight.current = false;
    }
  }, [body, id, onServer, queryClient]);

  /** The version the next save is based on (an .xlsx form is uploaded against it). */
  const baseVersion = useCallback(() => versionRef.current, []);

  /** The report as the server now has it (its tables filled from an .xlsx form): shown, and the base of the next save. */
  const replaceFromServer = useCallback(
    (saved: Submission) => {
      onServer(saved);
      const next = draftFromContent(body, saved.content);
      stateRef.current = next;
      clearLocalDraft(id);
      setState(next);
      setRestored(false);
      setError(null);
      setSaveState('saved');
    },
    [body, id, onServer],
  );

  const checked = useMemo(() => contentOf(body, state), [body, state]);
  return { state, update, saveState, conflict, error, restored, problems: checked.problems, keepMine, takeTheirs, retry, submit, baseVersion, replaceFromServer };
}

import { useState } from 'react';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useT } from '../../i18n/i18n.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useAmendPlan, usePlanTransition, type PlanTransition } from './plans.api.js';
import { SignModal } from './SignModal.js';
import type { PlanDetail } from './plans.types.js';
import { useNotifySuccess } from './notify.js';

interface PlanWorkflowProps {
  plan: PlanDetail;
  /** Unsaved edits: the draft must be saved before it goes to the leader. */
  dirty: boolean;
  onReload: () => void;
}

/** The lifecycle buttons the caller's abilities allow, with their dialogs. */
export function PlanWorkflow({ plan, dirty, onReload }: PlanWorkflowProps) {
  const t = useT();
  const navigate = useNavigate();
  const transition = usePlanTransition(plan.id);
  const amend = useAmendPlan(plan.id);
  const notify = useNotifySuccess();
  const [dialog, setDialog] = useState<'return' | 'issue' | null>(null);
  const [reason, setReason] = useState('');
  const { abilities } = plan;

  const run = (action: PlanTransition) =>
    transition.mutate(
      { action, version: plan.version },
      { onSuccess: () => notify(t(`plans.done.${action}`)) },
    );
  const closeDialog = () => {
    transition.reset();
    setDialog(null);
  };
  const reload = () => {
    transition.reset();
    amend.reset();
    setDialog(null);
    onReload();
  };
  // Errors of the dialogs show inside them; the others under the buttons.
  const inlineError = dialog ? amend.error : (transition.error ?? amend.error);

  if (!(abilities.submit || abilities.return || abilities.issue || abilities.start || abilities.close || abilities.amend)) return null;
  return (
    <Stack gap="xs">
      <Group gap="xs">
        {abilities.submit && (
          <Button onClick={() => run('submit')} loading={transition.isPending && transition.variables?.action === 'submit'} disabled={dirty}>
            {t('plans.action.submit')}
          </Button>
        )}
        {abilities.return && (
          <Button variant="outline" color="orange" onClick={() => setDialog('return')}>
            {t('plans.action.return')}
          </Button>
        )}
        {abilities.issue && <Button onClick={() => setDialog('issue')}>{t('plans.action.issue')}</Button>}
        {abilities.start && (
          <Button onClick={() => run('start')} loading={transition.isPending && transition.variables?.action === 'start'}>
            {t('plans.action.start')}
          </Button>
        )}
        {abilities.close && (
          <Button variant="outline" onClick={() => run('close')} loading={transition.isPending && transition.variables?.action === 'close'}>
            {t('plans.action.close')}
          </Button>
        )}
        {abilities.amend && (
          <Button
            variant="light"
            loading={amend.isPending}
            onClick={() =>
              amend.mutate(plan.version, {
                onSuccess: (draft) => {
                  notify(t('plans.done.amend'));
                  navigate(`/plans/${draft.id}`);
                },
              })
            }
          >
            {t('plans.action.amend')}
          </Button>
        )}
      </Group>
      {abilities.submit && dirty && (
        <Text size="sm" c="orange.9">
          {t('plans.saveFirst')}
        </Text>
      )}
      {inlineError ? <ErrorAlert error={inlineError} onReload={reload} /> : null}

      <Modal opened={dialog === 'return'} onClose={closeDialog} title={t('plans.returnTitle')}>
        <Stack>
          <Textarea label={t('plans.returnReason')} autosize minRows={3} value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-autofocus />
          {transition.error ? <ErrorAlert error={transition.error} onReload={reload} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={closeDialog}>
              {t('common.cancel')}
            </Button>
            <Button
              color="orange"
              loading={transition.isPending}
              onClick={() =>
                transition.mutate(
                  { action: 'return', version: plan.version, ...(reason.trim() ? { reason: reason.trim() } : {}) },
                  {
                    onSuccess: () => {
                      notify(t('plans.done.return'));
                      setReason('');
                      setDialog(null);
                    },
                  },
                )
              }
            >
              {t('plans.action.return')}
            </Button>
          </Group>
        </Stack>
      </Modal>

      {dialog === 'issue' && (
        <SignModal
          opened
          title={t('plans.issueTitle')}
          hint={t('plans.issueHint')}
          confirmLabel={t('plans.action.issue')}
          signature={plan.content.signature}
          registerAgencyId={plan.issuingAgencyId}
          pending={transition.isPending}
          error={transition.error}
          onClose={closeDialog}
          onReload={reload}
          onConfirm={(input) =>
            transition.mutate(
              { action: 'issue', version: plan.version, ...input },
              {
                onSuccess: (issued) => {
                  notify(t('plans.done.issue', { number: issued.documentNumber ?? '' }));
                  setDialog(null);
                },
              },
            )
          }
        />
      )}
    </Stack>
  );
}

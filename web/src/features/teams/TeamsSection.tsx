import { useState, type FormEvent } from 'react';
import { Alert, Badge, Button, Group, Loader, Modal, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useT } from '../../i18n/i18n.js';
import { formatDate } from '../../i18n/dates.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { DocumentLinks } from '../plans/DocumentLinks.js';
import { RecordAttachments } from '../files/RecordAttachments.js';
import { SignModal } from '../plans/SignModal.js';
import { usePlanFieldErrors } from '../plans/plan-field-errors.js';
import type { PlanDetail, Team } from '../plans/plans.types.js';
import { warningAlertStyles } from '../plans/plan-labels.js';
import { TeamMembersEditor, roleKey } from './TeamMembersEditor.js';
import { teamDecisionBase, useCreateTeam, useFoundTeam, usePlanTeams } from './teams.api.js';
import { useNotifySuccess } from '../plans/notify.js';

/** The plan's inspection teams (đoàn kiểm tra): prepared by the standing office, founded by the leader. */
export function TeamsSection({ plan }: { plan: PlanDetail }) {
  const t = useT();
  const teams = usePlanTeams(plan.id);
  const [creating, setCreating] = useState(false);
  return (
    <Stack component="section" aria-labelledby="plan-teams">
      <Group justify="space-between">
        <Title order={2} size="h3" id="plan-teams">
          {t('teams.title')}
        </Title>
        {plan.abilities.createTeam && <Button onClick={() => setCreating(true)}>{t('teams.create')}</Button>}
      </Group>
      {teams.error ? <ErrorAlert error={teams.error} /> : null}
      {teams.isPending && <Loader />}
      {teams.data?.length === 0 && <Text c="dimmed">{t('teams.none')}</Text>}
      {teams.data?.map((team) => (
        <TeamCard key={`${team.id}:${team.version}`} team={team} planId={plan.id} issuingAgencyId={plan.issuingAgencyId} onReload={() => void teams.refetch()} />
      ))}
      {creating && <CreateTeamModal plan={plan} onClose={() => setCreating(false)} />}
    </Stack>
  );
}

function CreateTeamModal({ plan, onClose }: { plan: PlanDetail; onClose: () => void }) {
  const t = useT();
  const create = useCreateTeam(plan.id);
  const notify = useNotifySuccess();
  const fieldError = usePlanFieldErrors(create.error);
  const [name, setName] = useState(() => t('teams.defaultName', { year: plan.year }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { name: name.trim() },
      {
        onSuccess: () => {
          notify(t('teams.created'));
          onClose();
        },
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t('teams.createTitle')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={t('teams.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldError('name')} data-autofocus />
          <Text size="sm">{t('teams.createHint')}</Text>
          {create.error ? <ErrorAlert error={create.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} disabled={!name.trim()}>
              {t('teams.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** `issuingAgencyId`: the plan's issuer, whose register numbers the team's decision. */
function TeamCard({ team, planId, issuingAgencyId, onReload }: { team: Team; planId: string; issuingAgencyId: string; onReload: () => void }) {
  const t = useT();
  const found = useFoundTeam(planId, team.id);
  const notify = useNotifySuccess();
  const [founding, setFounding] = useState(false);
  const closeFounding = () => {
    found.reset();
    setFounding(false);
  };
  const founded = team.status === 'founded';

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={4}>
            <Title order={3} size="h4">
              {team.name}
            </Title>
            <Group gap="xs">
              <Badge variant="light" tt="none" color={founded ? 'green' : 'gray'} c={founded ? '#1e6b30' : 'dark.6'}>
                {t(founded ? 'teams.status.founded' : 'teams.status.draft')}
              </Badge>
              {team.documentNumber && (
                <Text size="sm" data-testid="team-decision-number">
                  {t('teams.decisionNumber', { number: team.documentNumber, date: formatDate(team.issuedOn) })}
                </Text>
              )}
            </Group>
          </Stack>
          {team.abilities.found && (
            <Button onClick={() => setFounding(true)} disabled={team.members.length === 0}>
              {t('teams.found')}
            </Button>
          )}
        </Group>

        {team.warnings.map((w, i) => (
          <Alert key={i} color="yellow" variant="light" title={t('teams.warningTitle')} styles={warningAlertStyles}>
            {t('teams.warning.member_inspects_own_agency', {
              name: team.members[w.memberIndex]?.fullName ?? '',
              index: w.memberIndex + 1,
              agency: w.agencyName,
            })}
          </Alert>
        ))}

        {team.abilities.update ? (
          <TeamMembersEditor team={team} planId={planId} onReload={onReload} />
        ) : (
          <MembersTable team={team} />
        )}

        <DocumentLinks base={teamDecisionBase(team.id)} docxLabel={t('teams.decisionDocx')} pdfLabel={t('teams.decisionPdf')} />
        <RecordAttachments ownerType="team" ownerId={team.id} signed={team.status === 'founded'} signedScanLabel={t('teams.signedScan')} supportingLabel={t('teams.supporting')} />
      </Stack>
      {founding && (
        <SignModal
          opened
          title={t('teams.foundTitle')}
          hint={t('teams.foundHint')}
          confirmLabel={t('teams.found')}
          signature={team.decision.signature}
          registerAgencyId={issuingAgencyId}
          pending={found.isPending}
          error={found.error}
          onClose={closeFounding}
          onReload={() => {
            closeFounding();
            onReload();
          }}
          onConfirm={(input) =>
            found.mutate(
              { version: team.version, ...input },
              {
                onSuccess: (saved) => {
                  notify(t('teams.founded', { number: saved.documentNumber ?? '' }));
                  setFounding(false);
                },
              },
            )
          }
        />
      )}
    </Paper>
  );
}

function MembersTable({ team }: { team: Team }) {
  const t = useT();
  if (team.members.length === 0) return <Text c="dimmed">{t('teams.noMembers')}</Text>;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped aria-label={t('teams.membersLabel', { name: team.name })}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('teams.fullName')}</Table.Th>
            <Table.Th scope="col">{t('teams.position')}</Table.Th>
            <Table.Th scope="col">{t('teams.agency')}</Table.Th>
            <Table.Th scope="col">{t('teams.role')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {team.members.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td>{[m.honorific, m.fullName].filter(Boolean).join(' ')}</Table.Td>
              <Table.Td>{m.position}</Table.Td>
              <Table.Td>{m.agencyName}</Table.Td>
              <Table.Td>{t(roleKey(m.role))}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

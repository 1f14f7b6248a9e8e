import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupDevice, MachineGroup } from '../../../common/portal/portal-types';
import { selectDevicesFor, selectDevicesLoadError, useDeviceStore } from '../../stores/device-store';
import { selectEngineStatus, useEngineStore } from '../../stores/engine-store';
import { ErrorMessage } from '../ErrorMessage';
import { formatDateTime } from '../relative-time';
import { DataTable } from '../table/DataTable';

/** "Maskiner i gruppen": the machines the remote-support system has in the group, from the cache. */
export function DevicesSection({ group }: { group: MachineGroup }) {
  const { t, i18n } = useTranslation();
  const devices = useDeviceStore(useMemo(() => selectDevicesFor(group.id), [group.id]));
  const loadError = useDeviceStore(selectDevicesLoadError);
  const load = useDeviceStore((state) => state.load);
  const engine = useEngineStore(selectEngineStatus)?.status;
  useEffect(() => {
    void load(group.id);
  }, [group.id, load]);

  const onlineText = (device: GroupDevice) => (device.online ? t('engine.devices.online') : t('engine.devices.offline'));
  return (
    <section aria-labelledby="devices-title" data-testid="devices-section">
      <h2 id="devices-title">{t('engine.devices.title')}</h2>
      {loadError && <ErrorMessage error={loadError} />}
      {devices === undefined ? (
        <p aria-busy="true">{t('common.loading')}</p>
      ) : devices.length === 0 ? (
        <p className="muted" data-testid="no-devices">
          {engine?.simulated ? t('engine.devices.emptySimulated') : t('engine.devices.empty', { label: engine?.label ?? t('engine.object.label') })}
        </p>
      ) : (
        <>
          <p>{t('engine.devices.about')}</p>
          <DataTable
            label={t('engine.devices.tableLabel', { group: group.fullName })}
            rows={devices}
            rowKey={(device) => device.id}
            sortedBy={{ column: 'name', direction: 'ascending' }}
            rowTestId="device-row"
            rowData={(device) => ({ 'data-online': String(device.online) })}
            columns={[
              { id: 'name', header: t('engine.devices.name'), rowHeader: true, fit: 'cut', text: (device) => device.name, sort: { kind: 'text', value: (device) => device.name } },
              {
                id: 'os',
                header: t('engine.devices.os'),
                text: (device) => device.os ?? t('engine.devices.unknownOs'),
                sort: { kind: 'text', value: (device) => device.os ?? '' },
              },
              { id: 'online', header: t('engine.devices.state'), text: onlineText, sort: { kind: 'text', value: onlineText } },
              {
                id: 'lastSeen',
                header: t('engine.devices.lastSeen'),
                text: (device) => (device.lastSeenAt ? formatDateTime(device.lastSeenAt, i18n.language) : t('engine.devices.neverSeen')),
                sort: { kind: 'time', value: (device) => device.lastSeenAt },
              },
            ]}
          />
        </>
      )}
    </section>
  );
}

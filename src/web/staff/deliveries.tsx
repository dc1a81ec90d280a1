/**
 * 「メールが届かない」: the latest mails sent to one account, with their state (送信待ち · 送信済み ·
 * 送信失敗 with the reason) and times (ADR 0013). Shown on the staff seeker page, behind the staff guard.
 */
import { useRequestContext } from 'hono/jsx-renderer';
import type { NotificationKind } from '../../modules/notifications/kinds.ts';
import { listDeliveriesForAccount } from '../../modules/notifications/notifications.repository.ts';
import { formatTokyoDateTime } from '../../platform/dates.ts';
import type { AppEnv } from '../env.ts';

const SHOWN = 10;

export async function AccountDeliveries({ accountId, email }: { accountId: string; email: string }) {
  const c = useRequestContext<AppEnv>();
  const { t } = c.var;
  const n = t.notifications;
  const rows = await listDeliveriesForAccount(c.var.deps.db, { id: accountId, email }, SHOWN);
  return (
    <section class="panel" aria-labelledby="seeker-deliveries">
      <h2 id="seeker-deliveries">{n.deliveries.title}</h2>
      <p>{n.deliveries.lead}</p>
      {rows.length === 0 ? (
        <p id="deliveries-empty">{n.deliveries.empty}</p>
      ) : (
        <div class="table-wrap">
          <table id="deliveries">
            <caption class="visually-hidden">{n.deliveries.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{n.deliveries.columns.queuedAt}</th>
                <th scope="col">{n.deliveries.columns.kind}</th>
                <th scope="col">{n.deliveries.columns.status}</th>
                <th scope="col">{n.deliveries.columns.sentAt}</th>
                <th scope="col">{n.deliveries.columns.attempts}</th>
                <th scope="col">{n.deliveries.columns.error}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((d) => (
                <tr data-status={d.status}>
                  <td>{formatTokyoDateTime(d.queuedAt)}</td>
                  <td>{n.kind[d.kind as NotificationKind] ?? d.kind}</td>
                  <td>{n.status[d.status]}</td>
                  <td>{d.sentAt ? formatTokyoDateTime(d.sentAt) : '―'}</td>
                  <td>{d.attempts}</td>
                  <td>{d.status === 'failed' ? (d.lastError ?? '') : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

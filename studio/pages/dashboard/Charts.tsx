import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { DashboardDay, FunnelStep } from '../../../shared/api/dashboard.ts';
import { useT } from '../../i18n/index.ts';
import { formatReais } from '../../ui/money.ts';
import { shortDay } from './format.ts';

// Colours from the app's palette (app.css); SVG attributes, so no inline style is needed.
const colours = { primary: '#4f46e5', green: '#16a34a', amber: '#d97706', red: '#dc2626', grey: '#64748b' };

/** Each chart fills its box's width (ResponsiveContainer), so a 390 px phone gets a narrow chart, not a scroll. */
function ChartBox({ title, children, testId }: { title: string; children: React.ReactElement; testId: string }) {
  return (
    <figure className="dash-chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <div className="dash-chart-area">
        <ResponsiveContainer width="100%" height="100%">
          {children}
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

export function ConversationsChart({ days }: { days: DashboardDay[] }) {
  const t = useT();
  return (
    <ChartBox title={t('dashboard.perDay')} testId="chart-conversations">
      <LineChart data={days} margin={{ top: 8, right: 12, bottom: 0, left: -16 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="day" tickFormatter={shortDay} fontSize={11} minTickGap={16} />
        <YAxis allowDecimals={false} fontSize={11} />
        <Tooltip labelFormatter={(d) => shortDay(String(d))} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Line
          type="monotone"
          dataKey="started"
          name={t('dashboard.started')}
          stroke={colours.primary}
          dot={false}
          isAnimationActive={false}
        />
        <Line
          type="monotone"
          dataKey="completed"
          name={t('dashboard.completed')}
          stroke={colours.green}
          dot={false}
          isAnimationActive={false}
        />
        <Line
          type="monotone"
          dataKey="handoffs"
          name={t('dashboard.handoffs')}
          stroke={colours.amber}
          dot={false}
          isAnimationActive={false}
        />
      </LineChart>
    </ChartBox>
  );
}

export function MessagesChart({ days }: { days: DashboardDay[] }) {
  const t = useT();
  return (
    <ChartBox title={t('dashboard.messagesPerDay')} testId="chart-messages">
      <BarChart data={days} margin={{ top: 8, right: 12, bottom: 0, left: -16 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="day" tickFormatter={shortDay} fontSize={11} minTickGap={16} />
        <YAxis allowDecimals={false} fontSize={11} />
        <Tooltip labelFormatter={(d) => shortDay(String(d))} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Bar dataKey="inbound" name={t('dashboard.inbound')} fill={colours.grey} isAnimationActive={false} />
        <Bar dataKey="outbound" name={t('dashboard.outbound')} fill={colours.primary} isAnimationActive={false} />
        <Bar dataKey="failed" name={t('dashboard.failed')} fill={colours.red} isAnimationActive={false} />
      </BarChart>
    </ChartBox>
  );
}

export function RevenueChart({ days }: { days: DashboardDay[] }) {
  const t = useT();
  return (
    <ChartBox title={t('dashboard.revenuePerDay')} testId="chart-revenue">
      <BarChart data={days} margin={{ top: 8, right: 12, bottom: 0, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="day" tickFormatter={shortDay} fontSize={11} minTickGap={16} />
        <YAxis fontSize={11} allowDecimals={false} tickFormatter={(c: number) => String(Math.round(c / 100))} />
        <Tooltip labelFormatter={(d) => shortDay(String(d))} formatter={(c) => formatReais(Number(c))} />
        <Bar dataKey="revenueCents" name={t('dashboard.revenue')} fill={colours.green} isAnimationActive={false} />
      </BarChart>
    </ChartBox>
  );
}

export function FunnelChart({ steps, name }: { steps: FunnelStep[]; name: string }) {
  const t = useT();
  return (
    <ChartBox title={t('dashboard.funnel', { name })} testId="chart-funnel">
      <BarChart data={steps} layout="vertical" margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} fontSize={11} />
        <YAxis
          type="category"
          dataKey="label"
          width={110}
          fontSize={11}
          tickFormatter={(l: string) => (l.length > 16 ? `${l.slice(0, 15)}…` : l)}
        />
        <Tooltip />
        <Bar dataKey="sessions" name={t('dashboard.sessions')} fill={colours.primary} isAnimationActive={false} />
      </BarChart>
    </ChartBox>
  );
}

import { ConfigProvider } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { lazy, Suspense, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { I18nProvider, useI18n } from '../i18n/i18n';
import { homeOf, SessionProvider, useSession } from '../session/session';
import { Loading } from './Loading';
import { RequireAuth, RequireRoles } from './guards';
import { AppShell } from './AppShell';
import { CountyConfigProvider } from './county-config';
import { VocabulariesProvider } from './vocabularies';
import { UnreadProvider } from './unread';
import { ToastProvider } from './toast';
import { LoginPage } from '../pages/LoginPage';

// Every page but the login is its own chunk: the first load is the shell and the login.
const DashboardPage = lazy(() => import('../pages/county/DashboardPage'));
const HandoversPage = lazy(() => import('../pages/county/HandoversPage'));
const RecordHandoverPage = lazy(() => import('../pages/county/RecordHandoverPage'));
const CataloguePage = lazy(() => import('../pages/county/CataloguePage'));
const DutyCataloguePage = lazy(() => import('../pages/county/DutyCataloguePage'));
const UsagePage = lazy(() => import('../pages/usage/UsagePage'));
const DutyListsPage = lazy(() => import('../pages/county/DutyListsPage'));
const MyDutyListPage = lazy(() => import('../pages/township/MyDutyListPage'));
const HandoverPage = lazy(() => import('../pages/HandoverPage'));
const InboxPage = lazy(() => import('../pages/township/InboxPage'));
const AwaitingPage = lazy(() => import('../pages/township/AwaitingPage'));
const TeamPage = lazy(() => import('../pages/TeamPage'));
const MyTeamPage = lazy(() => import('../pages/township/MyTeamPage'));
const SystemPage = lazy(() => import('../pages/SystemPage'));
const UsersPage = lazy(() => import('../pages/UsersPage'));
const WhistlesPage = lazy(() => import('../pages/WhistlesPage'));
const WhistlePage = lazy(() => import('../pages/WhistlePage'));
const AssessmentsPage = lazy(() => import('../pages/AssessmentsPage'));
const BatchPlanPage = lazy(() => import('../pages/planning/BatchPlanPage'));
const ForecastPage = lazy(() => import('../pages/planning/ForecastPage'));
// The charts library comes with the evaluation page only.
const EvaluationPage = lazy(() => import('../pages/evaluation/EvaluationPage'));
const AsOfPage = lazy(() => import('../pages/evaluation/AsOfPage'));
const NotFoundPage = lazy(() => import('../pages/NotFoundPage'));
const RecallsPage = lazy(() => import('../pages/adjustments/RecallsPage'));
const AdmissionsPage = lazy(() => import('../pages/adjustments/AdmissionsPage'));
const DecisionsPage = lazy(() => import('../pages/adjustments/DecisionsPage'));
const PublicDutyListPage = lazy(() => import('../pages/public/PublicDutyListPage'));

function Localized({ children }: { children: ReactNode }) {
  const { language } = useI18n();
  dayjs.locale(language === 'en' ? 'en' : 'zh-cn');
  return (
    <ConfigProvider locale={language === 'en' ? enUS : zhCN} theme={{ token: { borderRadius: 4 } }}>
      <ToastProvider>{children}</ToastProvider>
    </ConfigProvider>
  );
}

function Home() {
  const { user } = useSession();
  return <Navigate to={user ? homeOf(user.role) : '/login'} replace />;
}

const county = ['county_admin', 'department', 'auditor'] as const;

export function App() {
  return (
    <I18nProvider>
      <Localized>
        <SessionProvider>
          <BrowserRouter>
            <Routes>
              <Route path="/login" element={<LoginPage />} />
              {/* 公示: residents open it from a QR code, without an account. */}
              <Route path="/public/townships/:townshipId" element={<Lazy page={<PublicDutyListPage />} />} />
              <Route
                element={
                  <RequireAuth>
                    <CountyConfigProvider>
                      <VocabulariesProvider>
                        <UnreadProvider>
                          <AppShell />
                        </UnreadProvider>
                      </VocabulariesProvider>
                    </CountyConfigProvider>
                  </RequireAuth>
                }
              >
                <Route index element={<Home />} />
                <Route path="county" element={<RequireRoles roles={county} />}>
                  <Route index element={<Lazy page={<DashboardPage />} />} />
                  <Route path="handovers" element={<Lazy page={<HandoversPage />} />} />
                  <Route path="handovers/new" element={<Lazy page={<RecordHandoverPage />} />} />
                  <Route path="catalogue" element={<Lazy page={<CataloguePage />} />} />
                  <Route path="duties" element={<Lazy page={<DutyCataloguePage />} />} />
                  <Route path="duty-lists" element={<Lazy page={<DutyListsPage />} />} />
                  <Route path="admissions" element={<RequireRoles roles={['department']} />}>
                    <Route index element={<Lazy page={<AdmissionsPage />} />} />
                  </Route>
                </Route>
                <Route path="township" element={<RequireRoles roles={['township']} />}>
                  <Route path="awaiting" element={<Lazy page={<AwaitingPage />} />} />
                  <Route path="team" element={<Lazy page={<MyTeamPage />} />} />
                  <Route path="duty-list" element={<Lazy page={<MyDutyListPage />} />} />
                  <Route path="recalls" element={<Lazy page={<RecallsPage />} />} />
                </Route>
                <Route path="decisions" element={<RequireRoles roles={['county_admin', 'auditor']} />}>
                  <Route index element={<Lazy page={<DecisionsPage />} />} />
                </Route>
                <Route path="whistles" element={<RequireRoles roles={[...county, 'township']} />}>
                  <Route index element={<Lazy page={<WhistlesPage />} />} />
                  <Route path=":id" element={<Lazy page={<WhistlePage />} />} />
                </Route>
                <Route path="assessments" element={<RequireRoles roles={['county_admin', 'auditor']} />}>
                  <Route index element={<Lazy page={<AssessmentsPage />} />} />
                </Route>
                <Route path="usage" element={<RequireRoles roles={[...county, 'township']} />}>
                  <Route index element={<Lazy page={<UsagePage />} />} />
                </Route>
                <Route path="plans" element={<RequireRoles roles={['county_admin']} />}>
                  <Route index element={<Lazy page={<BatchPlanPage />} />} />
                </Route>
                <Route path="forecast" element={<RequireRoles roles={county} />}>
                  <Route index element={<Lazy page={<ForecastPage />} />} />
                </Route>
                <Route path="evaluations" element={<RequireRoles roles={['county_admin', 'auditor']} />}>
                  <Route index element={<Lazy page={<EvaluationPage />} />} />
                </Route>
                {/* 履职情况证明: the county for any township, a township for its own (the API checks). */}
                <Route element={<RequireRoles roles={[...county, 'township']} />}>
                  <Route path="as-of" element={<Lazy page={<AsOfPage />} />} />
                  <Route path="townships/:townshipId/as-of" element={<Lazy page={<AsOfPage />} />} />
                </Route>
                <Route path="inbox" element={<Lazy page={<InboxPage />} />} />
                <Route path="handovers/:id" element={<Lazy page={<HandoverPage />} />} />
                <Route path="teams/:teamId" element={<Lazy page={<TeamPage />} />} />
                <Route path="users" element={<RequireRoles roles={['admin', 'county_admin']} />}>
                  <Route index element={<Lazy page={<UsersPage />} />} />
                </Route>
                <Route path="system" element={<RequireRoles roles={['admin']} />}>
                  <Route index element={<Lazy page={<SystemPage />} />} />
                </Route>
                <Route path="*" element={<Lazy page={<NotFoundPage />} />} />
              </Route>
            </Routes>
          </BrowserRouter>
        </SessionProvider>
      </Localized>
    </I18nProvider>
  );
}

function Lazy({ page }: { page: ReactNode }) {
  return <Suspense fallback={<Loading />}>{page}</Suspense>;
}

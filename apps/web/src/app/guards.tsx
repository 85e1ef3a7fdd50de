import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import type { Role } from '../api/types';
import { useSession } from '../session/session';

const ForbiddenPage = lazy(() => import('../pages/ForbiddenPage'));

export function RequireAuth({ children }: { children: ReactNode }) {
  const { user } = useSession();
  const location = useLocation();
  if (!user) return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  return <>{children}</>;
}

/** Pages of some roles only: the others see why (the API would refuse them with 403 anyway). */
export function RequireRoles({ roles }: { roles: readonly Role[] }) {
  const { user } = useSession();
  if (!user) return <Navigate to="/login" replace />;
  if (!roles.includes(user.role)) {
    return (
      <Suspense fallback={null}>
        <ForbiddenPage role={user.role} />
      </Suspense>
    );
  }
  return <Outlet />;
}

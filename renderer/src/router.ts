import { createRouter, createWebHashHistory, type RouteLocationNormalized, type Router } from 'vue-router';
import { useAuthStore } from './stores/useAuthStore.js';

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without signing in. */
    public?: boolean;
  }
}

/** A redirect target we accept after sign-in: one of our own hash routes, nothing else. */
export function safeRedirect(value: unknown): string {
  return typeof value === 'string' && /^\/(classes|lesson\/[\w-]{1,64})$/.test(value) ? value : '/classes';
}

export function signInRedirect(to: RouteLocationNormalized) {
  return { path: '/sign-in', query: to.path === '/classes' ? {} : { redirect: to.path } };
}

/** Hash history, so the same build works from file:// in Electron and from the server. */
export function createAppRouter(): Router {
  const router = createRouter({
    history: createWebHashHistory(),
    routes: [
      { path: '/', redirect: '/classes' },
      { path: '/sign-in', name: 'sign-in', component: () => import('./views/SignInView.vue'), meta: { public: true } },
      { path: '/classes', name: 'classes', component: () => import('./views/ClassesView.vue') },
      {
        path: '/lesson/:classId',
        name: 'lesson',
        component: () => import('./views/LessonPage.vue'),
        props: true,
      },
      { path: '/:rest(.*)*', redirect: '/classes' },
    ],
  });

  router.beforeEach((to) => {
    const auth = useAuthStore();
    if (!to.meta.public && !auth.isSignedIn) return signInRedirect(to);
    if (to.name === 'sign-in' && auth.isSignedIn) return safeRedirect(to.query.redirect);
    return true;
  });

  return router;
}

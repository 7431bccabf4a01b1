import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { createAppI18n } from './i18n/index.js';
import { createAppRouter } from './router.js';
import { createServices } from './services/index.js';
import { configureServices } from './services/registry.js';
import { usePreferencesStore } from './stores/usePreferencesStore.js';
import './styles/base.css';
import './styles/states.css';

configureServices(createServices());

const app = createApp(App);
const pinia = createPinia();
app.use(pinia);
const preferences = usePreferencesStore(pinia);
app.use(createAppI18n(preferences.locale));
app.use(createAppRouter());
app.mount('#app');

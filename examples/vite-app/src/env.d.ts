/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Base URL of the Rapport server. @default 'http://localhost:8787' */
  readonly VITE_RAPPORT_API?: string;
  /** Publishable key of the project. @default 'pk_demo' */
  readonly VITE_RAPPORT_KEY?: string;
}

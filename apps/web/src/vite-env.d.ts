/// <reference types="vite/client" />

interface ImportMetaEnv {
  readonly VITE_UCWA_SERVER?: string;
}

import { defineConfig } from 'vite';

// The workspace packages resolve to their TypeScript sources ("@ucwa/source"), so the
// app builds without building the packages first.
export default defineConfig({
  resolve: { conditions: ['@ucwa/source'] },
  build: { target: 'es2024', reportCompressedSize: true },
});

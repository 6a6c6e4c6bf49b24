// @ts-check
import { defineConfig } from 'astro/config';

export default defineConfig({
  site: 'https://honours.example.gov.cn',
  trailingSlash: 'always',
  build: { format: 'directory' },
  srcDir: './src',
  devToolbar: { enabled: false },
});

// @ts-check
import { defineConfig } from 'astro/config';
import atomicOutput from './src/integrations/atomic-output.ts';

export default defineConfig({
  site: 'https://honours.example.gov.cn',
  trailingSlash: 'always',
  build: { format: 'directory' },
  srcDir: './src',
  devToolbar: { enabled: false },
  // atomicOutput must stay last: it swaps the finished site into place.
  integrations: [atomicOutput()],
});

/** Where the build wrote the small data files (set by vite.config.ts). */
declare const __SITE_DATA__: import('./filekeys').SiteDataMeta;

/**
 * framer-motion's animation features, loaded after the first paint (`LazyMotion` in App.tsx): pods
 * are drawn at once and start to animate a moment later, and 20 KB gzip leave the first load.
 */
export { domAnimation as default } from 'framer-motion';

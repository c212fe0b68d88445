// Web tests read both languages synchronously (`translate('ko', …)`): Korean is in before any runs.
import { loadLanguage } from './index.ts';

await loadLanguage('ko');

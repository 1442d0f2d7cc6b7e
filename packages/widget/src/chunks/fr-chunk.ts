/** Entry of `dist/rapport-fr-<hash>.js`: the French strings, loaded only for French visitors. */
import { fr } from '../i18n/fr';
import { handOver } from './hand-over';

handOver(fr);

/** Entry of `dist/rapport-ui-<hash>.js`: the UI for the script-tag build. */
import * as ui from '../ui/index';
import { handOver } from './hand-over';

handOver(ui);

/** Worker thread that runs the pure extractor, so that a file it chokes on cannot stall the run. */
import { extractDocument } from '../../src/lib/extract/index';
import { serve } from './worker-loop';

serve(extractDocument);

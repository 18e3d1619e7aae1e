// What the Ink patch tests need, bundled as the CLI is (test/helpers/bundled.ts): the
// patches and the Ink they patch, inside one file.
export { Box, Text } from 'ink';
export { render } from 'ink-testing-library';
export { createElement } from 'react';
export { applyInkPatches } from '../../src/patches/applyInkPatches.js';
export { boundInkCaches } from '../../src/patches/inkCaches.js';
export { handOver } from '../../src/patches/inkInternals.js';
export { keepInkOutputAcrossFrames, LINES_KEPT } from '../../src/patches/inkOutputCache.js';

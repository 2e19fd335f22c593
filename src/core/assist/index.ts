/** Assisted coding: the frame suggester learned from the team's own coding, and its honest evaluation. */
export * from './features';
export * from './frameModel';
export * from './trainingSet';
export * from './suggestFrames';
export * from './crossValidation';
export * from './seededRandom';
export * from './evaluationText';

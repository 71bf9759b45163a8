import { auditData, type SharedData } from '@ecd/database';

import type { PrismaClient } from '../generated/prisma/client.js';
import { enrolmentImportData } from './enrolment-import.js';
import { enrolmentData } from './enrolment.js';
import { figureFileData } from './figure-files.js';
import { figureData } from './figures.js';
import { populationData } from './populations.js';
import { schoolData } from './schools.js';
import { surveyData } from './surveys.js';

/** The education subgraph's data layer for one request: its DataLoaders cache for that request only (the figure cache outlives it). */
export function createDataLayer(prisma: PrismaClient, { figureCache, figureReader }: SharedData) {
  return {
    schools: schoolData(prisma),
    surveys: surveyData(prisma),
    enrolment: enrolmentData(prisma),
    enrolmentImports: enrolmentImportData(prisma),
    populations: populationData(prisma),
    figures: figureData(prisma, figureReader, figureCache),
    figureFiles: figureFileData(prisma),
    audit: auditData(prisma),
  };
}

export type DataLayer = ReturnType<typeof createDataLayer>;

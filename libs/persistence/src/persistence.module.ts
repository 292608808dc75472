import { Module } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { databaseConfig } from '@sg/config';
import { dataSourceOptions } from './data-source-options';

/** The TypeORM data source for a service, from DATABASE_URL. */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [databaseConfig.KEY],
      useFactory: (db: ConfigType<typeof databaseConfig>) => ({
        ...dataSourceOptions(db.url, db.ssl, db.poolSize),
        retryAttempts: 5,
        retryDelay: 2000,
      }),
    }),
  ],
})
export class PersistenceModule {}

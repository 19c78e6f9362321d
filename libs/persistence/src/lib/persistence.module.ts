import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { openDataSource } from './data-source';
import { Store } from './store';
import { StoreConfig } from './store-config';

export const STORE_CONFIG = Symbol('STORE_CONFIG');

@Injectable()
class StoreLifecycle implements OnApplicationShutdown {
  constructor(@Inject(Store) private readonly store: Store) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

/** Provides the {@link Store}, opened (and migrated) from the StoreConfig another module provides. */
@Global()
@Module({})
export class PersistenceModule {
  static forRoot(configProvider: {
    imports?: DynamicModule['imports'];
    useFactory: (...args: never[]) => StoreConfig;
    inject?: unknown[];
  }): DynamicModule {
    return {
      module: PersistenceModule,
      imports: configProvider.imports ?? [],
      providers: [
        { provide: STORE_CONFIG, useFactory: configProvider.useFactory, inject: (configProvider.inject ?? []) as never[] },
        {
          provide: Store,
          useFactory: async (config: StoreConfig) => new Store(await openDataSource(config)),
          inject: [STORE_CONFIG],
        },
        StoreLifecycle,
      ],
      exports: [Store],
    };
  }

  /** For an application, test or tool that opened the store itself; it is closed on shutdown. */
  static forStore(store: Store): DynamicModule {
    return { module: PersistenceModule, providers: [{ provide: Store, useValue: store }, StoreLifecycle], exports: [Store] };
  }
}

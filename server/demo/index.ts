export { hasDemoCases, loadDemoCases } from './demo-cases.ts';
export { DEMO_CITY, DEMO_LOCAL_COUNTIES, DEMO_REGISTRY_VILLAGES, isLoaded, loadDemoCity } from './demo-city.ts';
export { loadDemoRegistry } from './demo-registry.ts';
export { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-users.ts';
export { syntheticPeople } from './synthetic-people.ts';

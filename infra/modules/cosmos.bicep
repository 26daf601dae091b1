// Cosmos DB (SQL API, serverless) with the database and containers the code creates on first use
// (CosmosTaskStore, JobEventLog, WebhookSecretStore, JobAdmission), with the same partition keys and TTL settings. They are
// declared here because Entra ID data-plane roles cannot create them: with local keys off, the code's
// CreateIfNotExists calls only find what this module made.

param location string
param tags object
param name string

param databaseName string = 'videofunctions'

@description('Containers: name, partition key path, and defaultTtl (-1: TTL on, set per item; absent: TTL off).')
param containers array

resource account 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {
  name: name
  location: location
  tags: tags
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    capabilities: [{ name: 'EnableServerless' }]
    consistencyPolicy: { defaultConsistencyLevel: 'Session' }
    locations: [{ locationName: location, failoverPriority: 0, isZoneRedundant: false }]
    disableLocalAuth: true
    disableKeyBasedMetadataWriteAccess: true
    minimalTlsVersion: 'Tls12'
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-11-15' = {
  parent: account
  name: databaseName
  properties: { resource: { id: databaseName } }
}

resource sqlContainers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-11-15' = [
  for container in containers: {
    parent: database
    name: container.name
    properties: {
      resource: union(
        {
          id: container.name
          partitionKey: { paths: [container.partitionKey], kind: 'Hash' }
        },
        contains(container, 'defaultTtl') ? { defaultTtl: container.defaultTtl } : {}
      )
    }
  }
]

output name string = account.name
output endpoint string = account.properties.documentEndpoint
output databaseName string = database.name
output containerNames array = [for (container, i) in containers: sqlContainers[i].name]

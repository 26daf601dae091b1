// The pipeline's storage account: the asset containers the code writes to (Storage/AssetContainers.cs), the
// Flex Consumption deployment container, the Functions host's own blobs, queues and tables (Durable task hub,
// blob-trigger receipts), and a lifecycle rule that deletes intermediates after a week. Shared keys are off:
// every client signs in with Entra ID (roles.bicep).

param location string
param tags object
param name string

@description('Put before every asset container name (the app setting Storage__ContainerPrefix).')
param containerPrefix string = ''

@description('Asset containers whose blobs are intermediates: deleted this many days after their last change.')
param intermediateContainers array = ['renders', 'audio', 'captions', 'inputs']

@description('Containers users read from or write to: uploads, finished videos, blob-trigger captions. Kept longer.')
param deliverableContainers array = ['uploads', 'final', 'captioned']

@minValue(1)
param intermediateRetentionDays int = 7

@minValue(1)
param deliverableRetentionDays int = 30

@description('The container Flex Consumption deploys the app package from.')
param deploymentContainer string

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
  }
}

resource blobs 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource assetContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = [
  for container in concat(deliverableContainers, intermediateContainers): {
    parent: blobs
    name: '${containerPrefix}${container}'
    properties: { publicAccess: 'None' }
  }
]

resource packageContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobs
  name: deploymentContainer
  properties: { publicAccess: 'None' }
}

// Seed 002: temporary storage is cleaned up after 7 days. Content-addressed intermediates are simply made
// again when a later job needs them.
resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2023-05-01' = {
  parent: account
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'delete-intermediates'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: ['blockBlob']
              prefixMatch: [for container in intermediateContainers: '${containerPrefix}${container}/']
            }
            actions: { baseBlob: { delete: { daysAfterModificationGreaterThan: intermediateRetentionDays } } }
          }
        }
        {
          name: 'delete-deliverables'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: ['blockBlob']
              prefixMatch: [for container in deliverableContainers: '${containerPrefix}${container}/']
            }
            actions: { baseBlob: { delete: { daysAfterModificationGreaterThan: deliverableRetentionDays } } }
          }
        }
      ]
    }
  }
  dependsOn: [assetContainers]
}

output name string = account.name
output id string = account.id
output blobEndpoint string = account.properties.primaryEndpoints.blob
output queueEndpoint string = account.properties.primaryEndpoints.queue
output tableEndpoint string = account.properties.primaryEndpoints.table
output deploymentContainerUrl string = '${account.properties.primaryEndpoints.blob}${deploymentContainer}'

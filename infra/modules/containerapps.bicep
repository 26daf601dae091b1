// The GPU containers (infra/containers/): a Container Apps environment inside the virtual network, internal
// only, with serverless GPU workload profiles; ComfyUI + HunyuanVideo on an A100 and the Whisper.net server on
// a T4, both scaling to zero. Their ingress admits only the Function app's subnet. A private DNS zone makes
// the environment's domain resolve inside the network. Images come from the registry here (azd builds and
// pushes them); until then the apps run a placeholder image.

param location string
param tags object
param environmentName string
param registryName string
param identityName string
param modelsStorageName string
param workspaceId string
param vnetId string
param subnetId string

@description('The only source address range allowed to call the GPU apps: the Function app\'s subnet.')
param callerSubnetPrefix string

param comfyAppName string
param whisperAppName string

@description('Images pushed by azd (SERVICE_COMFYUI_IMAGE_NAME, SERVICE_WHISPER_IMAGE_NAME); empty before the first deploy.')
param comfyImage string = ''
param whisperImage string = ''

@description('The ggml model file in the models share, as WhisperServer__ModelPath sees it under /models.')
param whisperModelFile string = 'ggml-small.bin'

@maxValue(10)
param comfyMaxReplicas int = 1

@maxValue(10)
param whisperMaxReplicas int = 2

var placeholderImage = 'mcr.microsoft.com/k8se/quickstart:latest'
var comfyProfile = 'gpu-a100'
var whisperProfile = 'gpu-t4'
var modelsShare = 'whisper-models'

resource environment 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: environmentName
  location: location
  tags: tags
  properties: {
    vnetConfiguration: {
      infrastructureSubnetId: subnetId
      internal: true
    }
    // Logs go to Azure Monitor and on to the workspace through diagnostic settings: no workspace key here.
    appLogsConfiguration: { destination: 'azure-monitor' }
    // GPU profiles can only be added when the environment is created.
    workloadProfiles: [
      { name: 'Consumption', workloadProfileType: 'Consumption' }
      { name: comfyProfile, workloadProfileType: 'Consumption-GPU-NC24-A100' }
      { name: whisperProfile, workloadProfileType: 'Consumption-GPU-NC8as-T4' }
    ]
  }
}

resource environmentLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'logs'
  scope: environment
  properties: {
    workspaceId: workspaceId
    logs: [{ categoryGroup: 'allLogs', enabled: true }]
  }
}

module privateDns 'privatedns.bicep' = {
  params: {
    tags: tags
    zoneName: environment.properties.defaultDomain
    address: environment.properties.staticIp
    vnetId: vnetId
  }
}

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: registryName
  location: location
  tags: tags
  sku: { name: 'Standard' }
  properties: { adminUserEnabled: false }
}

// One identity for both apps, allowed to pull from the registry before either app exists.
resource pullIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: identityName
  location: location
  tags: tags
}

resource acrPull 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(registry.id, pullIdentity.id, 'acrpull')
  scope: registry
  properties: {
    principalId: pullIdentity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '7f951dda-4ed3-4680-a7ca-43fe172d538d')
  }
}

// Whisper models on an Azure Files share mounted read-only at /models. SMB mounts in Container Apps take the
// account key, so the models get their own account: the pipeline's data account keeps shared keys off.
resource modelsAccount 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: modelsStorageName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
  }
}

resource modelsFiles 'Microsoft.Storage/storageAccounts/fileServices@2023-05-01' = {
  parent: modelsAccount
  name: 'default'
}

resource modelsFileShare 'Microsoft.Storage/storageAccounts/fileServices/shares@2023-05-01' = {
  parent: modelsFiles
  name: modelsShare
  properties: { shareQuota: 16 }
}

resource modelsStorage 'Microsoft.App/managedEnvironments/storages@2024-03-01' = {
  parent: environment
  name: 'whisper-models'
  properties: {
    azureFile: {
      accountName: modelsAccount.name
      accountKey: modelsAccount.listKeys().keys[0].value
      shareName: modelsFileShare.name
      accessMode: 'ReadOnly'
    }
  }
}

var allowFunctionApp = [{ name: 'function-app', action: 'Allow', ipAddressRange: callerSubnetPrefix }]

resource comfy 'Microsoft.App/containerApps@2024-03-01' = {
  name: comfyAppName
  location: location
  tags: union(tags, { 'azd-service-name': 'comfyui' })
  identity: { type: 'UserAssigned', userAssignedIdentities: { '${pullIdentity.id}': {} } }
  properties: {
    environmentId: environment.id
    workloadProfileName: comfyProfile
    configuration: {
      // "external" in an internal environment means: reachable from the virtual network, not the internet.
      ingress: { external: true, targetPort: 8188, transport: 'http', ipSecurityRestrictions: allowFunctionApp }
      registries: [{ server: registry.properties.loginServer, identity: pullIdentity.id }]
    }
    template: {
      containers: [
        {
          name: 'comfyui'
          image: empty(comfyImage) ? placeholderImage : comfyImage
          resources: { cpu: json('24'), memory: '220Gi' }
          probes: [
            { type: 'Startup', httpGet: { path: '/system_stats', port: 8188 }, periodSeconds: 10, failureThreshold: 60 }
            { type: 'Liveness', httpGet: { path: '/system_stats', port: 8188 }, periodSeconds: 30 }
          ]
        }
      ]
      scale: {
        minReplicas: 0
        maxReplicas: comfyMaxReplicas
        // One prompt at a time per GPU: ComfyUI queues the rest itself.
        rules: [{ name: 'http', http: { metadata: { concurrentRequests: '4' } } }]
      }
    }
  }
  dependsOn: [acrPull]
}

resource whisper 'Microsoft.App/containerApps@2024-03-01' = {
  name: whisperAppName
  location: location
  tags: union(tags, { 'azd-service-name': 'whisper' })
  identity: { type: 'UserAssigned', userAssignedIdentities: { '${pullIdentity.id}': {} } }
  properties: {
    environmentId: environment.id
    workloadProfileName: whisperProfile
    configuration: {
      ingress: { external: true, targetPort: 8000, transport: 'http', ipSecurityRestrictions: allowFunctionApp }
      registries: [{ server: registry.properties.loginServer, identity: pullIdentity.id }]
    }
    template: {
      containers: [
        {
          name: 'whisper'
          image: empty(whisperImage) ? placeholderImage : whisperImage
          resources: { cpu: json('8'), memory: '56Gi' }
          env: [
            { name: 'WhisperServer__ModelPath', value: '/models/${whisperModelFile}' }
            { name: 'WhisperServer__RequireGpu', value: 'true' }
          ]
          volumeMounts: [{ volumeName: 'models', mountPath: '/models' }]
          probes: [
            // /health answers only once the model is loaded: the server loads it before it listens.
            { type: 'Startup', httpGet: { path: '/health', port: 8000 }, periodSeconds: 5, failureThreshold: 60 }
            { type: 'Liveness', httpGet: { path: '/health', port: 8000 }, periodSeconds: 30 }
            { type: 'Readiness', httpGet: { path: '/health', port: 8000 }, periodSeconds: 10 }
          ]
        }
      ]
      volumes: [{ name: 'models', storageType: 'AzureFile', storageName: modelsStorage.name }]
      scale: {
        minReplicas: 0
        maxReplicas: whisperMaxReplicas
        // Matches the server's WhisperServer__MaxConcurrentTranscriptions (1) plus its queue.
        rules: [{ name: 'http', http: { metadata: { concurrentRequests: '4' } } }]
      }
    }
  }
  dependsOn: [acrPull]
}

output registryEndpoint string = registry.properties.loginServer
output comfyUrl string = 'https://${comfy.properties.configuration.ingress.fqdn}'
output whisperUrl string = 'https://${whisper.properties.configuration.ingress.fqdn}'
output modelsStorageName string = modelsAccount.name
output modelsShareName string = modelsFileShare.name

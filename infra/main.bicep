// VideoFunctions on Azure (azd up): the Functions app (Flex Consumption), Blob storage, Cosmos DB, Azure OpenAI,
// the GPU containers on Container Apps, and monitoring. Modules by concern under modules/. Every client signs in
// with Entra ID; see README "Deploy to Azure".
targetScope = 'subscription'

@minLength(1)
@maxLength(40)
@description('The azd environment name; resource names derive from it.')
param environmentName string

@minLength(1)
@description('Region of everything but Azure OpenAI. It must offer Flex Consumption and Container Apps serverless GPUs (e.g. swedencentral, westus3, australiaeast).')
param location string

@description('Region of the Azure OpenAI account: one that serves every model below (Sora is in few regions).')
param openAILocation string = location

@description('A developer (azd sets AZURE_PRINCIPAL_ID) given the same data roles as the app, to run the local host against this deployment; empty for none.')
param principalId string = ''

@description('Put before every asset container name (Storage__ContainerPrefix).')
param containerPrefix string = ''

@description('The Durable task hub (letters and digits).')
param taskHub string = 'videofunctions'

param plannerModel object = { name: 'planner', model: 'gpt-4o-mini', version: '2024-07-18', sku: 'GlobalStandard', capacity: 50 }
param speechModel object = { name: 'speech', model: 'gpt-4o-mini-tts', version: '2025-03-20', sku: 'GlobalStandard', capacity: 10 }
@description('whisper: the Azure OpenAI transcription model that answers verbose_json with word times.')
param transcriptionModel object = { name: 'transcription', model: 'whisper', version: '001', sku: 'Standard', capacity: 3 }
@description('Sora 2 (videos API); set deploySora false in regions without it.')
param soraModel object = { name: 'sora-2', model: 'sora-2', version: '2025-10-06', sku: 'GlobalStandard', capacity: 1 }
param deploySora bool = true

@allowed(['offline', 'azure-openai'])
@description('Azure OpenAI moderation (omni-moderation) is not offered on every resource; the offline blocklist is the safe default.')
param moderationProvider string = 'offline'

@allowed(['whisper-openai', 'azure-openai', 'offline'])
@description('whisper-openai: the Whisper.net GPU container; azure-openai: the whisper deployment.')
param transcriptionProvider string = 'whisper-openai'

@minLength(3)
@maxLength(3)
@description('Scene providers, most preferred first (SceneRouting__ProviderOrder__0..2).')
param sceneProviderOrder array = ['azure-openai/sora-2', 'comfyui/hunyuan-video', 'offline/animatic']

@description('Images azd built and pushed; empty before the first azd deploy.')
param comfyImage string = ''
param whisperImage string = ''

@description('The ggml model file uploaded to the models share (see infra/containers/whisper-net/README.md).')
param whisperModelFile string = 'ggml-small.bin'

var tags = { 'azd-env-name': environmentName }
var token = toLower(uniqueString(subscription().id, environmentName, location))
var storageContainers = {
  uploads: 'uploads'
  deliverables: ['uploads', 'final', 'captioned']
  intermediates: ['renders', 'audio', 'captions', 'inputs']
}
var cosmosDatabase = 'videofunctions'
var cosmosContainers = {
  tasks: 'tasks'
  jobEvents: 'job-events'
  webhookSecrets: 'webhook-secrets'
  admission: 'admission'
}
var functionAppName = 'func-${token}'

resource group 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module monitoring 'modules/monitoring.bicep' = {
  scope: group
  params: {
    location: location
    tags: tags
    logAnalyticsName: 'log-${token}'
    applicationInsightsName: 'appi-${token}'
  }
}

module network 'modules/network.bicep' = {
  scope: group
  params: {
    location: location
    tags: tags
    name: 'vnet-${token}'
  }
}

module storage 'modules/storage.bicep' = {
  scope: group
  params: {
    location: location
    tags: tags
    name: 'st${token}'
    containerPrefix: containerPrefix
    deliverableContainers: storageContainers.deliverables
    intermediateContainers: storageContainers.intermediates
    deploymentContainer: 'app-package-${functionAppName}'
  }
}

module cosmos 'modules/cosmos.bicep' = {
  scope: group
  params: {
    location: location
    tags: tags
    name: 'cosmos-${token}'
    databaseName: cosmosDatabase
    // As the code creates them: CosmosTaskStore, JobEventLog (TTL per item), WebhookSecretStore.
    containers: [
      { name: cosmosContainers.tasks, partitionKey: '/ownerId', defaultTtl: -1 }
      { name: cosmosContainers.jobEvents, partitionKey: '/jobId', defaultTtl: -1 }
      { name: cosmosContainers.webhookSecrets, partitionKey: '/ownerId' }
      { name: cosmosContainers.admission, partitionKey: '/line' }
    ]
  }
}

module openAI 'modules/openai.bicep' = {
  scope: group
  params: {
    location: openAILocation
    tags: tags
    name: 'oai-${token}'
    deployments: concat([plannerModel, speechModel, transcriptionModel], deploySora ? [soraModel] : [])
  }
}

module containerApps 'modules/containerapps.bicep' = {
  scope: group
  params: {
    location: location
    tags: tags
    environmentName: 'cae-${token}'
    registryName: 'cr${token}'
    identityName: 'id-gpu-${token}'
    modelsStorageName: 'stmodels${take(token, 16)}'
    workspaceId: monitoring.outputs.workspaceId
    vnetId: network.outputs.id
    subnetId: network.outputs.containerAppsSubnetId
    callerSubnetPrefix: network.outputs.functionsSubnetPrefix
    comfyAppName: 'ca-comfyui-${take(token, 10)}'
    whisperAppName: 'ca-whisper-${take(token, 10)}'
    comfyImage: comfyImage
    whisperImage: whisperImage
    whisperModelFile: whisperModelFile
  }
}

module functions 'modules/functions.bicep' = {
  scope: group
  params: {
    location: location
    tags: tags
    planName: 'plan-${token}'
    appName: functionAppName
    subnetId: network.outputs.functionsSubnetId
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    storageBlobEndpoint: storage.outputs.blobEndpoint
    storageQueueEndpoint: storage.outputs.queueEndpoint
    storageTableEndpoint: storage.outputs.tableEndpoint
    containerPrefix: containerPrefix
    uploadsContainer: storageContainers.uploads
    applicationInsightsConnectionString: monitoring.outputs.applicationInsightsConnectionString
    cosmosEndpoint: cosmos.outputs.endpoint
    cosmosDatabase: cosmos.outputs.databaseName
    tasksContainer: cosmosContainers.tasks
    jobEventsContainer: cosmosContainers.jobEvents
    webhookSigningContainer: cosmosContainers.webhookSecrets
    taskHub: taskHub
    openAIEndpoint: openAI.outputs.endpoint
    plannerDeployment: plannerModel.name
    speechDeployment: speechModel.name
    transcriptionDeployment: transcriptionModel.name
    sora2Deployment: deploySora ? soraModel.name : ''
    moderationProvider: moderationProvider
    transcriptionProvider: transcriptionProvider
    sceneProviderOrder: sceneProviderOrder
    comfyUrl: containerApps.outputs.comfyUrl
    whisperUrl: containerApps.outputs.whisperUrl
    whisperModel: whisperModelFile
    hunyuanGpuProfile: 'A100'
  }
}

module appRoles 'modules/roles.bicep' = {
  scope: group
  params: {
    principalId: functions.outputs.principalId
    storageName: storage.outputs.name
    cosmosName: cosmos.outputs.name
    openAIName: openAI.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
  }
}

module developerRoles 'modules/roles.bicep' = if (!empty(principalId)) {
  scope: group
  params: {
    principalId: principalId
    principalType: 'User'
    storageName: storage.outputs.name
    cosmosName: cosmos.outputs.name
    openAIName: openAI.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
  }
}

// azd stores these in the environment (.azure/<env>/.env); the container registry one is how it pushes images.
output AZURE_LOCATION string = location
output AZURE_RESOURCE_GROUP string = group.name
output AZURE_CONTAINER_REGISTRY_ENDPOINT string = containerApps.outputs.registryEndpoint
output AZURE_FUNCTION_APP_NAME string = functions.outputs.name
output API_BASE_URL string = 'https://${functions.outputs.defaultHostName}'
output STORAGE_ACCOUNT_NAME string = storage.outputs.name
output COSMOS_ENDPOINT string = cosmos.outputs.endpoint
output AZURE_OPENAI_ENDPOINT string = openAI.outputs.endpoint
output COMFYUI_URL string = containerApps.outputs.comfyUrl
output WHISPER_URL string = containerApps.outputs.whisperUrl
output WHISPER_MODELS_STORAGE_ACCOUNT string = containerApps.outputs.modelsStorageName
output WHISPER_MODELS_SHARE string = containerApps.outputs.modelsShareName

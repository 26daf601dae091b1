// The Functions app on the Flex Consumption plan: .NET 10 isolated worker, system-assigned identity, the app
// package deployed from a blob container with that identity, outbound traffic through the virtual network (to
// reach the internal GPU apps). Its app settings are the names the code reads (local.settings.sample.json);
// infra/app-settings.json lists the ones left to their defaults, and a test keeps the two in step.

param location string
param tags object
param planName string
param appName string
param subnetId string
param deploymentContainerUrl string

@allowed([2048, 4096])
@description('Memory per instance; ffmpeg encodes and the media scratch folder live in it.')
param instanceMemoryMB int = 4096

@maxValue(1000)
param maximumInstanceCount int = 40

// Settings the app reads, passed through as they are.
param storageBlobEndpoint string
param storageQueueEndpoint string
param storageTableEndpoint string
param containerPrefix string
param applicationInsightsConnectionString string
param cosmosEndpoint string
param cosmosDatabase string
param tasksContainer string
param jobEventsContainer string
param webhookSigningContainer string
param uploadsContainer string
param taskHub string
param openAIEndpoint string
param plannerDeployment string
param speechDeployment string
param transcriptionDeployment string
param sora2Deployment string
param moderationProvider string
param transcriptionProvider string
param sceneProviderOrder array
param comfyUrl string
param whisperUrl string
param whisperModel string
param hunyuanGpuProfile string

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: { tier: 'FlexConsumption', name: 'FC1' }
  properties: { reserved: true }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: appName
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: { type: 'SystemAssigned' }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    virtualNetworkSubnetId: subnetId
    siteConfig: { minTlsVersion: '1.2', ftpsState: 'Disabled' }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: { type: 'SystemAssignedIdentity' }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      runtime: { name: 'dotnet-isolated', version: '10.0' }
    }
  }
}

// A literal object, so the settings test can read every name from the compiled template.
resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: app
  name: 'appsettings'
  properties: {
    // The Functions host's storage (triggers, Durable task hub), by identity: no connection string.
    AzureWebJobsStorage__blobServiceUri: storageBlobEndpoint
    AzureWebJobsStorage__queueServiceUri: storageQueueEndpoint
    AzureWebJobsStorage__tableServiceUri: storageTableEndpoint
    AzureWebJobsStorage__credential: 'managedidentity'
    APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD'

    // Assets use the same identity-based AzureWebJobsStorage connection as the host and the task hub.
    Storage__ContainerPrefix: containerPrefix
    BlobTrigger__Container: uploadsContainer

    // Task records and webhooks: an endpoint without AccountKey means Entra ID.
    TaskStore__ConnectionString: 'AccountEndpoint=${cosmosEndpoint};'
    TaskStore__Database: cosmosDatabase
    TaskStore__Container: tasksContainer
    Webhooks__EventLog__Container: jobEventsContainer
    Webhooks__Secrets__Container: webhookSigningContainer
    Webhooks__HttpsOnly: 'true' // signed events travel over TLS only

    DurableTask__HubName: taskHub

    // Providers: Azure OpenAI by identity (no ApiKey), the GPU containers by their internal addresses.
    Providers__Planner: 'azure-openai'
    Providers__Moderation: moderationProvider
    Providers__Speech: 'azure-openai'
    Providers__Transcription: transcriptionProvider
    AzureOpenAI__Planner__Deployments__0__Endpoint: openAIEndpoint
    AzureOpenAI__Planner__Deployments__0__Deployment: plannerDeployment
    AzureOpenAI__Speech__Deployments__0__Endpoint: openAIEndpoint
    AzureOpenAI__Speech__Deployments__0__Deployment: speechDeployment
    AzureOpenAI__Transcription__Deployments__0__Endpoint: openAIEndpoint
    AzureOpenAI__Transcription__Deployments__0__Deployment: transcriptionDeployment
    AzureOpenAI__Sora2__Deployments__0__Endpoint: empty(sora2Deployment) ? '' : openAIEndpoint
    AzureOpenAI__Sora2__Deployments__0__Deployment: sora2Deployment
    SceneRouting__ProviderOrder__0: sceneProviderOrder[0]
    SceneRouting__ProviderOrder__1: sceneProviderOrder[1]
    SceneRouting__ProviderOrder__2: sceneProviderOrder[2]
    ComfyUI__BaseUrls__0: comfyUrl
    HunyuanVideo__GpuProfile: hunyuanGpuProfile
    Whisper__BaseUrls__0: whisperUrl
    Whisper__Model: whisperModel
  }
}

resource ftp 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: app
  name: 'ftp'
  properties: { allow: false }
}

resource scm 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: app
  name: 'scm'
  properties: { allow: false }
}

output name string = app.name
output principalId string = app.identity.principalId
output defaultHostName string = app.properties.defaultHostName

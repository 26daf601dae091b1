// Azure OpenAI with one deployment per capability the pipeline calls (AzureOpenAI__<Capability>__Deployments__0):
// planning (chat), speech (TTS), transcription (whisper, the model with verbose_json word times) and Sora.
// Keys are off; the Function app calls it with its identity (Cognitive Services OpenAI User, roles.bicep).

param location string
param tags object
param name string

@description('Deployments, created one at a time: name, model, version, sku, capacity. Names are what the app settings send as the deployment.')
param deployments array

resource account 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: name
  location: location
  tags: tags
  kind: 'OpenAI'
  sku: { name: 'S0' }
  properties: {
    customSubDomainName: name // Entra ID tokens need the custom subdomain endpoint
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
  }
}

@batchSize(1) // the service refuses concurrent deployment changes on one account
resource modelDeployments 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = [
  for deployment in deployments: {
    parent: account
    name: deployment.name
    sku: { name: deployment.sku, capacity: deployment.capacity }
    properties: {
      model: { format: 'OpenAI', name: deployment.model, version: deployment.version }
    }
  }
]

output name string = account.name
output endpoint string = 'https://${account.properties.customSubDomainName}.openai.azure.com'

import Foundation
import LRCore

/// Fixtures: sample replies from LoginRadius's API documentation (github.com/LoginRadius/apidocs,
/// `database/apidocs/apis/v2/customer-identity-api/authentication/`).
enum ModelFixtures {
    /// "Auth Login by Email" sample output, trimmed to a subset of the profile, plus an unknown
    /// top-level member `Region`. The sample is hand-written: it has string booleans
    /// (`"IsProtected": "false"`), a string `PreviousUids` and a lower-case `phoneId`.
    static let login = #"""
        {
          "Profile": {
            "Identities": [
              "Array of Identites"
            ],
            "IsPasswordBreached": false,
            "UserName": "JohnSmith",
            "Uid": "f2005bd20****************3278343",
            "PasswordExpirationDate": "2028-02-07T19:02:55.803Z",
            "PreviousUids": "61432e56***1495e89d3a100e36aeb8b",
            "CustomFields": {
              "id": "https://graph.facebook.com/*****/picture?type=small",
              "id2": "https://graph.Profile.com/*****/picture?type=square"
            },
            "phoneId": "824525-add135",
            "PhoneIdVerified": true,
            "Roles": [
              "teacher"
            ],
            "RegistrationProvider": "Email",
            "UnverifiedEmail": "John1Smith@hmail.com",
            "ID": "dfb7****fc947618****f0ae46ff",
            "Provider": "Email",
            "FirstName": "Test1",
            "LastName": "Account2",
            "FullName": "Test1 M. Account2",
            "BirthDate": "1990-02-07",
            "Gender": "F",
            "Email": [
              {
                "Type": "Primary",
                "Value": "NorthOfKing@Westeros0.com"
              }
            ],
            "Country": {
              "Code": "HS",
              "Name": "House Smith"
            },
            "Verified": "false",
            "UpdatedTime": "2018-02-06T19:02:55.803Z",
            "Positions": [
              {
                "Position": "astronaut",
                "Summary": "An astronaut.",
                "StartDate": "2008-02-07T19:02:55.803Z",
                "EndDate": "2015-02-07T19:02:55.803Z",
                "IsCurrent": "false",
                "Location": "Houston",
                "Comapny": {
                  "Name": "NASA",
                  "Type": "astronaut",
                  "Industry": "National secure"
                },
                "Company": {
                  "Name": "NASA",
                  "Type": "astronaut",
                  "Industry": "National secure"
                }
              }
            ],
            "Educations": [
              {
                "School": "UCL",
                "year": "2010",
                "type": "student",
                "notes": "great",
                "activities": "sports",
                "degree": "master",
                "fieldofstudy": "astronaut",
                "StartDate": "2004-02-07T19:02:55.803Z",
                "EndDate": "2005-02-07T19:02:55.803Z"
              }
            ],
            "PhoneNumbers": [
              {
                "PhoneType": "Mobile",
                "PhoneNumber": "84684*543"
              }
            ],
            "Addresses": [
              {
                "Type": "Primary",
                "Address1": "1281 West Mall",
                "Address2": "Room 121",
                "City": "Edmonton",
                "State": "Alberta",
                "PostalCode": "546841",
                "Region": "Myself",
                "Country": "Canada"
              }
            ],
            "Created": "true",
            "CreatedDate": "2017-08-24T12:21:41.808Z",
            "ModifiedDate": "2017-08-24T13:04:12.1810017Z",
            "IsProtected": "false",
            "FollowersCount": 0,
            "Hireable": false,
            "Age": "18",
            "ProfileImageUrls": {
              "test1": "https://graph.facebook.com/*****/picture?type=small",
              "test2": "https://graph.Profile.com/*****/picture?type=square"
            },
            "WebProfiles": {
              "Small": "https://graph.facebook.com/*****/picture?type=small",
              "Square": "https://graph.Profile.com/*****/picture?type=square",
              "Large": "https://graph.facebook.com/*****/picture?type=large",
              "Profile": "https://graph.facebook.com/******/picture?type=normal"
            },
            "IsEmailSubscribed": false
          },
          "access_token": "a029e8a7-****-4453-****-a5e721e1f358",
          "refresh_token": "6e*****a-***f-***a-****-c******5***4",
          "expires_in": "2017-08-17T10:52:36.1644137Z",
          "Region": {
            "Name": "us-east",
            "Failover": false
          }
        }
        """#

    /// "Auth User Registration by Email" sample output: a captured server reply with `null`s,
    /// 7-digit fractions, a session token and a "never" date (`0001-01-01T00:00:00.0000000Z`).
    static let registration = #"""
        {
          "IsPosted": true,
          "Data": {
            "Profile": {
              "IsPasswordBreached": false,
              "Password": "Rfc289*****veBytes$1*****CTahpWvWI*****QeTOiSg==$1e*****Ou8pryxrZlpZCz*****MzswdWV0Ir*****oQ=",
              "LastPasswordChangeDate": null,
              "PasswordExpirationDate": null,
              "LastPasswordChangeToken": null,
              "EmailVerified": false,
              "IsActive": true,
              "IsDeleted": false,
              "Uid": "4b4*****38724*****200196*****3959",
              "CustomFields": null,
              "IsEmailSubscribed": false,
              "UserName": null,
              "NoOfLogins": 1,
              "PhoneId": null,
              "PhoneIdVerified": false,
              "Roles": null,
              "ExternalUserLoginId": null,
              "RegistrationProvider": "Email",
              "IsLoginLocked": false,
              "LoginLockedType": "None",
              "LastLoginLocation": "Washington, United States",
              "RegistrationSource": "API",
              "IsCustomUid": false,
              "UnverifiedEmail": null,
              "IsSecurePassword": true,
              "PrivacyPolicy": null,
              "ExternalIds": null,
              "IsRequiredFieldsFilledOnce": true,
              "ConsentProfile": null,
              "PIN": {
                "Skipped": false,
                "PIN": "Rfc28*****iveBytes$100*****whUBfaF3s50M*****MA==$foHKnpz+J*****lEjyFzAulTvvgZE2Vs*****dGKkTA=",
                "LastPINChangeDate": "2019-09-30T09:36:21.3750000Z",
                "SkippedDate": "0001-01-01T00:00:00.0000000Z"
              },
              "RegistrationData": null,
              "ID": "e48*****38a14*****8fbd4ed*****c3",
              "Provider": "Email",
              "Prefix": null,
              "FirstName": null,
              "MiddleName": null,
              "LastName": null,
              "Suffix": null,
              "FullName": null,
              "NickName": null,
              "ProfileName": null,
              "BirthDate": null,
              "Gender": null,
              "Website": null,
              "Email": [
                {
                  "Type": "Primary",
                  "Value": "example@example.com"
                }
              ],
              "Country": null,
              "ThumbnailImageUrl": null,
              "ImageUrl": null,
              "Favicon": null,
              "ProfileUrl": null,
              "HomeTown": null,
              "State": null,
              "City": null,
              "Industry": null,
              "About": null,
              "TimeZone": null,
              "LocalLanguage": null,
              "CoverPhoto": null,
              "TagLine": null,
              "Language": null,
              "Verified": null,
              "UpdatedTime": null,
              "Positions": null,
              "Educations": null,
              "PhoneNumbers": null,
              "IMAccounts": null,
              "Addresses": null,
              "MainAddress": null,
              "Created": null,
              "CreatedDate": "2019-09-30T09:36:21.3720000Z",
              "ModifiedDate": "2019-09-30T09:36:22.9190000Z",
              "ProfileModifiedDate": null,
              "LocalCity": "Washington",
              "ProfileCity": null,
              "LocalCountry": "United States",
              "ProfileCountry": null,
              "FirstLogin": true,
              "IsProtected": false,
              "RelationshipStatus": null,
              "Quota": null,
              "Quote": null,
              "InterestedIn": null,
              "Interests": null,
              "Religion": null,
              "Political": null,
              "Sports": null,
              "InspirationalPeople": null,
              "HttpsImageUrl": null,
              "FollowersCount": 0,
              "FriendsCount": 0,
              "IsGeoEnabled": null,
              "TotalStatusesCount": 0,
              "Associations": null,
              "NumRecommenders": 0,
              "Honors": null,
              "Awards": null,
              "Skills": null,
              "CurrentStatus": null,
              "Certifications": null,
              "Courses": null,
              "Volunteer": null,
              "RecommendationsReceived": null,
              "Languages": null,
              "Projects": null,
              "Games": null,
              "Family": null,
              "TeleVisionShow": null,
              "MutualFriends": null,
              "Movies": null,
              "Books": null,
              "AgeRange": null,
              "PublicRepository": null,
              "Hireable": false,
              "RepositoryUrl": null,
              "Age": null,
              "Patents": null,
              "FavoriteThings": null,
              "ProfessionalHeadline": null,
              "ProviderAccessCredential": null,
              "RelatedProfileViews": null,
              "LRUserID": null,
              "PlacesLived": null,
              "Publications": null,
              "JobBookmarks": null,
              "Suggestions": null,
              "Badges": null,
              "MemberUrlResources": null,
              "TotalPrivateRepository": 0,
              "Currency": null,
              "StarredUrl": null,
              "GistsUrl": null,
              "PublicGists": 0,
              "PrivateGists": 0,
              "Subscription": null,
              "Company": null,
              "GravatarImageUrl": null,
              "ProfileImageUrls": null,
              "WebProfiles": null,
              "PinsCount": 0,
              "BoardsCount": 0,
              "LikesCount": 0,
              "SignupDate": "2019-09-30T09:36:21.3720000Z",
              "LastLoginDate": "2019-09-30T09:36:22.9196327Z",
              "PreviousUids": null,
              "Identities": null
            },
            "access_token": "991****9-d35b-4**a-9**f-f36****7df13",
            "refresh_token": "f****b85-e**5-4**8-b**0-1719*****f14",
            "expires_in": "2019-09-30T09:51:22.8149253Z",
            "session_token": "7da****7-9fde-4**9-b**c-27***cc5***6",
            "session_expires_in": "2019-10-07T09:36:22.8149403Z"
          }
        }
        """#

    static func decode<Value: Decodable>(_ type: Value.Type, _ text: String) throws -> Value {
        try JSONCoding.decode(type, from: Data(text.utf8))
    }
}
